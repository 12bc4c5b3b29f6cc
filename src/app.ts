import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { EmbeddedStore } from './adapters/embedded/embedded-store';
import type { Config } from './config';
import { buildGraphqlSchema } from './graphql/schema';
import { createApollo, createHttpApp } from './http/server';
import type { Store } from './ports/traversals';
import { loadSeedDirectory } from './seed/load-seed';

/**
 * The composition root: the only module that knows both the API and the adapters, and the only
 * place that picks an adapter.
 */
export async function createStore(config: Config, logger: Logger): Promise<Store> {
  const store = new EmbeddedStore();
  const seed = loadSeedDirectory(config.SEED_DIR);
  await store.upsert(seed);
  logger.info(
    { store: store.kind, entities: seed.entities.length, relationships: seed.relationships.length },
    'embedded store loaded from seed',
  );
  return store;
}

export interface RunningApp {
  readonly server: Server;
  readonly store: Store;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the whole service on config.PORT (0 picks a free port, for tests). */
export async function startApp(config: Config, logger: Logger, store?: Store): Promise<RunningApp> {
  const graphStore = store ?? (await createStore(config, logger));
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await graphStore.close();
    },
  };
}
