import type { Neo4jOptions } from '../src/adapters/neo4j/driver';
import { neo4jStore, openEmbeddedStore } from '../src/open-store';
import type { GraphBatch, GraphStore } from '../src/ports/graph-store';
import { loadSeedDirectory } from '../src/seed/read-seed';
import { seedStore } from '../src/seed/seed-store';
import { loadSynthetic } from '../src/synthetic/load-synthetic';
import pino from 'pino';
import { Neo4jTestHooks } from '../test/support/neo4j-test-hooks';
import { GraphIndex } from './peers-params';

/** The generator's seed: the same graph on every run and every machine. */
export const SYNTHETIC_SEED = 42;

export interface LoadedData {
  readonly index: GraphIndex;
  readonly entities: number;
  readonly relationships: number;
  readonly neo4jSeconds: number;
  readonly embeddedSeconds: number;
}

/**
 * The one data set: the seed, then the synthetic graph of `scale` relationships, loaded through the
 * product's own store (upsert in chunks) into Neo4j, and the same into an embedded DATA_DIR, so the
 * schema (constraints, indexes, full-text index, SchemaVersion) is what the product makes.
 * The Neo4j database is emptied first: it may be a reused server (--neo4j-uri).
 */
export async function loadDataSet(options: Neo4jOptions, embeddedDir: string | null, scale: number, say: (m: string) => void): Promise<LoadedData> {
  const index = new GraphIndex();
  const hooks = Neo4jTestHooks.create(options);
  await hooks.wipe();
  await hooks.close();
  const neo4j = neo4jStore(options);
  let neo4jSeconds: number;
  try {
    await neo4j.migrate({ force: true });
    say(`loading the seed and ${scale.toLocaleString('en-US')} synthetic relationships into Neo4j`);
    neo4jSeconds = await loadInto(neo4j, scale, (batch) => index.add(batch));
  } finally {
    await neo4j.close();
  }
  let embeddedSeconds = 0;
  if (embeddedDir !== null) {
    say('loading the same into the embedded store');
    const embedded = await openEmbeddedStore({ dataDir: embeddedDir, logger: pino({ level: 'silent' }) });
    try {
      embeddedSeconds = await loadInto(embedded, scale, () => undefined);
    } finally {
      await embedded.close();
    }
  }
  return { index, entities: index.entityCount, relationships: index.relationshipCount, neo4jSeconds, embeddedSeconds };
}

async function loadInto(store: GraphStore, scale: number, onBatch: (batch: GraphBatch) => void): Promise<number> {
  const started = performance.now();
  const seed = await loadSeedDirectory();
  await seedStore(store, seed);
  onBatch(seed);
  await loadSynthetic(store, { relationships: scale, seed: SYNTHETIC_SEED }, (batch) => onBatch(batch));
  return (performance.now() - started) / 1000;
}
