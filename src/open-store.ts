import type { Logger } from 'pino';
import { EmbeddedStore } from './adapters/embedded/embedded-store';
import type { EmbeddedOpenOptions } from './adapters/embedded/open-data-dir';
import type { Neo4jOptions } from './adapters/neo4j/driver';
import type { MigrationResult } from './adapters/neo4j/migrate';
import { Neo4jStore } from './adapters/neo4j/neo4j-store';
import type { Config } from './config';
import { checkWrite } from './editing/write-check';
import type { Store } from './ports/store';
import { loadSeedDirectory } from './seed/read-seed';
import { isEmpty, seedStore } from './seed/seed-store';

/**
 * The composition root's store half, and the only module besides app.ts that knows the adapters:
 * it picks one from config, hands it the write side's rules (editing/write-check), seeds an empty
 * embedded store and triggers Neo4j's migration. Server, CLIs, tests and benches build stores here.
 */

/** An empty in-memory store (tests, benchmarks). */
export function memoryStore(): EmbeddedStore {
  return new EmbeddedStore(checkWrite);
}

/** A durable embedded store in a data directory, empty on first open (no seeding here). */
export function openEmbeddedStore(options: Omit<EmbeddedOpenOptions, 'checkWrite'>): Promise<EmbeddedStore> {
  return EmbeddedStore.open({ ...options, checkWrite });
}

/** Opens no connection: the schema is migrated on first use (see adapters/neo4j/schema-gate.ts). */
export function neo4jStore(options: Neo4jOptions): Neo4jStore {
  return Neo4jStore.create(options, checkWrite);
}

/** The Neo4j connection from validated config; null when NEO4J_URI is unset (embedded mode). */
export function neo4jOptionsFromConfig(config: Config): Neo4jOptions | null {
  if (!config.NEO4J_URI) return null;
  return {
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TIMEOUT_MS,
  };
}

export interface OpenStoreOptions {
  /** Load SEED_DIR into an embedded store that holds nothing yet (the server's first start). */
  readonly seedIfEmpty?: boolean;
}

/**
 * The store the environment selects: Neo4j when NEO4J_URI is set, else the embedded store in
 * DATA_DIR. Neo4j is not contacted before this returns, so a server starts while it is down; its
 * migration is started here and, should Neo4j be unreachable, redone by the first later use.
 */
export async function openStore(config: Config, logger: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  const neo4j = neo4jOptionsFromConfig(config);
  if (neo4j) {
    const store = neo4jStore(neo4j);
    logger.info({ store: store.kind, uri: neo4j.uri, database: neo4j.database }, 'using Neo4j');
    store.ping().then(
      () => logger.info('Neo4j answers and its schema is up to date'),
      (e: unknown) =>
        logger.warn({ reason: e instanceof Error ? e.message : String(e) }, 'Neo4j is not ready yet; the schema is migrated on its first use'),
    );
    return store;
  }
  const store = await openEmbeddedStore({ dataDir: config.DATA_DIR, logger });
  try {
    if (options.seedIfEmpty && (await isEmpty(store))) {
      const batch = await loadSeedDirectory(config.SEED_DIR);
      await seedStore(store, batch);
      logger.info({ entities: batch.entities.length, relationships: batch.relationships.length }, 'empty store seeded');
    }
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * `npm run migrate`: brings Neo4j's schema to the current version now; null on the embedded
 * store, whose snapshot format needs no migration.
 */
export async function migrateStore(config: Config, force: boolean): Promise<MigrationResult | null> {
  const options = neo4jOptionsFromConfig(config);
  if (!options) return null;
  const store = neo4jStore(options);
  try {
    return await store.migrate({ force });
  } finally {
    await store.close();
  }
}
