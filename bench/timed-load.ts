import type { GraphStore } from '../src/ports/graph-store';
import type { SyntheticChunkOptions } from '../src/synthetic/generate';
import { loadSynthetic } from '../src/synthetic/load-synthetic';

export interface LoadFigures {
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
  /** Time inside upsert only: generating the chunks is not the store's cost. */
  readonly upsertMs: number;
  /** Of upsertMs, the relationship chunks. */
  readonly relationshipMs: number;
  readonly wallMs: number;
}

/** loadSynthetic, with the time spent inside upsert (and in relationship chunks) added up. */
export async function timedLoad(store: GraphStore, options: SyntheticChunkOptions): Promise<LoadFigures> {
  const started = performance.now();
  let upsertMs = 0;
  let relationshipMs = 0;
  const report = await loadSynthetic(store, options, (batch, ms) => {
    upsertMs += ms;
    if (batch.relationships.length > 0) relationshipMs += ms;
  });
  return {
    sources: report.sources,
    entities: report.entities,
    relationships: report.relationships,
    upsertMs,
    relationshipMs,
    wallMs: performance.now() - started,
  };
}

export function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}
