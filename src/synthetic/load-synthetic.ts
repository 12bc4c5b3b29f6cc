import type { GraphBatch, GraphStore } from '../ports/graph-store';
import { generateGraphChunks, type SyntheticChunkOptions } from './generate';

export interface LoadReport {
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
  /** Wall time of generating and upserting together. */
  readonly ms: number;
}

/**
 * Streams a synthetic graph into any store, one chunk per upsert, so neither side ever holds
 * the whole graph as one batch. Sources come first, then entities, then relationships, so
 * every chunk refers only to ids already loaded.
 */
export async function loadSynthetic(
  store: GraphStore,
  options: SyntheticChunkOptions,
  /** Called after each upsert with its duration, for callers that time the store alone. */
  onUpsert?: (batch: GraphBatch, ms: number) => void,
): Promise<LoadReport> {
  const started = Date.now();
  let sources = 0;
  let entities = 0;
  let relationships = 0;
  for (const batch of generateGraphChunks(options)) {
    const upsertStarted = performance.now();
    await store.upsert(batch);
    onUpsert?.(batch, performance.now() - upsertStarted);
    sources += batch.sources.length;
    entities += batch.entities.length;
    relationships += batch.relationships.length;
  }
  return { sources, entities, relationships, ms: Date.now() - started };
}
