import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { openStore } from './open-store';
import type { Config } from './config';
import { buildGraphqlSchema } from './graphql/schema';
import { createApollo } from './graphql/apollo';
import { createHttpServer } from './http/server';
import { storeExtractor } from './ingest/extract-from-store';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';
import { createMetrics } from './metrics/metrics';
import { watchStoreStats } from './metrics/store-stats';
import { timeStoreCalls } from './metrics/timed-store';
import type { Store } from './ports/store';

/**
 * The composition root: with ./open-store.ts (its store half), the only module that knows both
 * the API and the adapters.
 */

export interface RunningApp {
  readonly server: Server;
  readonly store: Store;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the whole service on config.PORT (0 picks a free port, for tests). */
export async function startApp(config: Config, logger: Logger, store?: Store): Promise<RunningApp> {
  const graphStore = store ?? (await openStore(config, logger, { seedIfEmpty: true }));
  const metrics = createMetrics();
  watchStoreStats(metrics, graphStore);
  const apollo = createApollo({ config, schema: buildGraphqlSchema(), logger });
  apollo.addPlugin(graphqlMetricsPlugin(metrics));
  let http: FastifyInstance;
  try {
    await apollo.start();
    const timed = timeStoreCalls(graphStore, metrics);
    // One gazetteer for the server's life, kept current from the audit log, not read per document.
    http = await createHttpServer({ config, store: timed, logger, apollo, metrics, extractor: storeExtractor(timed) });
    await http.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    // A store this call opened (an embedded one holds DATA_DIR's lock) must not outlive the failure.
    await apollo.stop().catch(() => undefined);
    if (!store) await graphStore.close();
    throw e;
  }
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    server: http.server,
    store: graphStore,
    url: `http://${host}:${port}`,
    async stop() {
      // Stop accepting, let in-flight requests finish (idle keep-alive connections are closed,
      // so they cannot hold this up), then stop Apollo and release the store.
      await http.close();
      await apollo.stop();
      await graphStore.close();
    },
  };
}
