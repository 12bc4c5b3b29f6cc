import type { Neo4jOptions } from '../../src/adapters/neo4j/driver';
import type { GraphBatch } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { neo4jAvailability } from './neo4j-server';
import { Neo4jTestHooks } from './neo4j-test-hooks';
import { memoryStore, neo4jStore } from '../../src/open-store';

/**
 * The stores the contract suite runs against, and how to get each one loaded. The Neo4j server
 * comes from test/support/global-setup.ts through TEST_NEO4J_* variables; when it could not be
 * provided outside CI, only the Neo4j variants are skipped, with the reason in their title.
 */

export const STORE_KINDS = ['embedded', 'neo4j'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Connection options for the shared test database, or null when Neo4j tests are skipped. */
export function neo4jTestOptions(): Neo4jOptions | null {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) {
    if (process.env.CI === 'true') throw new Error('CI=true but no TEST_NEO4J_URI: the global setup did not provide Neo4j');
    return null;
  }
  return {
    uri,
    user: process.env.TEST_NEO4J_USER ?? 'neo4j',
    password: process.env.TEST_NEO4J_PASSWORD ?? '',
    database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j',
    timeoutMs: 5000,
  };
}

export function neo4jSkipReason(): string {
  return process.env.TEST_NEO4J_SKIP_REASON ?? 'Neo4j is not available';
}

/** `describe` for a store kind; the Neo4j variant becomes a titled skip when Neo4j is unavailable. */
export function describeStore(kind: StoreKind, fn: () => void): void {
  if (kind === 'neo4j' && !neo4jTestOptions()) describe.skip(`neo4j (skipped: ${neo4jSkipReason()})`, fn);
  else describe(kind, fn);
}

/**
 * `describe` for suites that start a Neo4j of their own (test/support/neo4j-server), which needs
 * Java and Maven even when NEO4J_URI gave the shared one. Same policy: skip with the reason, fail in CI.
 */
export function describeOwnNeo4j(title: string, fn: () => void): void {
  const availability = neo4jAvailability();
  if (availability.available) describe(title, fn);
  else if (process.env.CI === 'true') {
    describe(title, () => {
      it('has Java 17 and Maven to start Neo4j (CI=true)', () => {
        throw new Error(availability.reason);
      });
    });
  } else describe.skip(`${title} (skipped: ${availability.reason}; install Java 17 and Maven)`, fn);
}

/** `describe` for Neo4j-only suites, under the same skip rule. */
export function describeNeo4j(title: string, fn: () => void): void {
  if (!neo4jTestOptions()) describe.skip(`${title} (skipped: ${neo4jSkipReason()})`, fn);
  else describe(title, fn);
}

let seed: GraphBatch | undefined;

/** Reads the seed once per test file; test/support/seed-setup.ts runs it before the file's tests. */
export async function preloadSeed(): Promise<void> {
  seed ??= await loadSeedDirectory();
}

/** The seed graph, read by preloadSeed (so usable in tests and hooks, not while files load). */
export function seedBatch(): GraphBatch {
  if (!seed) throw new Error('seedBatch() before preloadSeed(): call it inside a test or hook');
  return seed;
}

/** A store of the kind holding exactly `batch` (the seed by default). Close it when done. */
export async function loadedStore(kind: StoreKind, batch: GraphBatch = seedBatch()): Promise<Store> {
  if (kind === 'embedded') {
    const store = memoryStore();
    await store.upsert(batch);
    return store;
  }
  const options = neo4jTestOptions();
  if (!options) throw new Error(`Neo4j is unavailable: ${neo4jSkipReason()}`);
  await wipeNeo4j(options);
  const store = neo4jStore(options);
  await store.migrate();
  await store.upsert(batch);
  return store;
}

/** Empties the shared test database (schema kept). Test-only: never point TEST_NEO4J_URI at real data. */
export async function wipeNeo4j(options: Neo4jOptions): Promise<void> {
  const hooks = Neo4jTestHooks.create(options);
  try {
    await hooks.wipe();
  } finally {
    await hooks.close();
  }
}
