import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { EmbeddedStore } from './adapters/embedded/embedded-store';
import { Neo4jStore } from './adapters/neo4j/neo4j-store';
import { neo4jOptionsFromConfig } from './adapters/neo4j/options';
import type { Config } from './config';
import { buildGraphqlSchema } from './graphql/schema';
import { createApollo, createHttpApp } from './http/server';
import type { Store } from './ports/traversals';

/**
 * The composition root: the only module that knows both the API and the adapters, and the only
 * place that picks an adapter.
 */
export async function createStore(config: Config, logger: Logger, signal?: AbortSignal): Promise<Store> {
  const neo4j = neo4jOptionsFromConfig(config);
  if (neo4j) {
    // No network here: the server must start even while Neo4j is down; /ready tells the truth.
    const store = Neo4jStore.create(neo4j);
    migrateWhenReachable(store, logger, signal);
    logger.info({ store: store.kind, uri: neo4j.uri, database: neo4j.database }, 'using Neo4j');
    return store;
  }
  // Durable: snapshot plus an fsynced journal in DATA_DIR; the seed loads on first start only.
  const store = await EmbeddedStore.open({ dataDir: config.DATA_DIR, seedDir: config.SEED_DIR, logger });
  return store;
}

const MIGRATION_RETRY_MS = 5000;

/** Migrates now, or keeps trying in the background until Neo4j answers (idempotent). */
function migrateWhenReachable(store: Neo4jStore, logger: Logger, signal?: AbortSignal): void {
  const attempt = (): void => {
    store.migrate().then(
      () => logger.info('Neo4j schema is up to date'),
      (e: unknown) => {
        if (signal?.aborted) return;
        logger.warn({ reason: e instanceof Error ? e.message : String(e) }, 'Neo4j schema migration deferred; retrying');
        setTimeout(attempt, MIGRATION_RETRY_MS).unref();
      },
    );
  };
  attempt();
}

export interface RunningApp {
  readonly server: Server;
  readonly store: Store;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the whole service on config.PORT (0 picks a free port, for tests). */
export async function startApp(config: Config, logger: Logger, store?: Store): Promise<RunningApp> {
  const background = new AbortController();
  const graphStore = store ?? (await createStore(config, logger, background.signal));
  const schema = buildGraphqlSchema();
  const apollo = createApollo({ config, schema, logger });
  await apollo.start();
  const app = createHttpApp({ config, store: graphStore, schema, logger }, apollo);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    server,
    store: graphStore,
    url: `http://${host}:${port}`,
    async stop() {
      // Stop accepting, let in-flight requests finish, then release the store.
      background.abort();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await graphStore.close();
    },
  };
}
