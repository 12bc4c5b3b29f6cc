import type { GraphStore } from '../src/ports/graph-store';
import { generateGraphChunks, type SyntheticChunkOptions } from '../src/synthetic/generate';

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

/** loadSynthetic's loop (one upsert per chunk, sources, then entities, then relationships), timed per upsert. */
export async function timedLoad(store: GraphStore, options: SyntheticChunkOptions): Promise<LoadFigures> {
  const started = performance.now();
  let sources = 0;
  let entities = 0;
  let relationships = 0;
  let upsertMs = 0;
  let relationshipMs = 0;
  for (const batch of generateGraphChunks(options)) {
    const t = performance.now();
    await store.upsert(batch);
    const took = performance.now() - t;
    upsertMs += took;
    if (batch.relationships.length > 0) relationshipMs += took;
    sources += batch.sources.length;
    entities += batch.entities.length;
    relationships += batch.relationships.length;
  }
  return { sources, entities, relationships, upsertMs, relationshipMs, wallMs: performance.now() - started };
}

export function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}
