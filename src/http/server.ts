import type { ApolloServer } from '@apollo/server';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createAuthenticator, type Authenticator } from '../auth/authenticate';
import { loadTokens } from '../auth/token-config';
import type { Config } from '../config';
import type { RequestContext, RequestContextOptions } from '../context';
import { INTERNAL_MESSAGE } from '../graphql/errors';
import type { Metrics } from '../metrics/metrics';
import type { Store } from '../ports/store';
import { registerExplorer } from './explorer';
import { GRAPHQL_PATH, registerGraphql } from './graphql';
import { registerHealth } from './health';
import { registerIde } from './ide';
import { IDE_EXAMPLES } from './ide-examples';
import { observeRequests, registerMetrics } from './metrics-route';
import { limitRate } from './rate-limit';
import { RequestLogController, requestIdOf } from './request-log';
import { addSecurityHeaders } from './security-headers';

/** Request bodies over 1 MiB are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  /** Started (`await apollo.start()`) by the caller, and stopped after the HTTP server. */
  readonly apollo: ApolloServer<RequestContext>;
  /** Defaults to the tokens of `config` (API_TOKENS, API_TOKENS_FILE). */
  readonly authenticator?: Authenticator;
  /** Where requests are counted and timed, and what GET /metrics shows. */
  readonly metrics: Metrics;
  /** What ingestDocument runs; src/ingest's, reading its gazetteer per document, by default. */
  readonly extractor?: RequestContextOptions['extractor'];
}

/**
 * The HTTP edge: GraphQL on GET/POST /graphql (the IDE for browsers on GET; rate limited), the
 * explorer on GET / (and its deep links), /health, /ready and /metrics; helmet's security headers
 * on every route.
 * Logs through `logger`, one JSON line per request with its id (`x-request-id`, or a new UUID).
 * The caller listens; `close()` stops accepting, lets in-flight requests finish and closes idle
 * keep-alive connections.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { config, store, logger, apollo, metrics } = options;
  // Read at start, so a bad token setting stops the server before it listens.
  const authenticator = options.authenticator ?? createAuthenticator(loadTokens(config));
  const app = Fastify({
    // Typed as Fastify's logger so the instance passes to the register* functions.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestLogController(logger),
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: 'idle',
    // The client address the rate limit keys on, when a proxy in front says who the client is.
    trustProxy: config.TRUST_PROXY,
  });
  app.setErrorHandler(answerError);
  app.addHook('preClose', (done) => {
    closeConnectionsAsTheyIdle(app);
    done();
  });

  // With no allowed origin there is nothing to add, so no per-request CORS hook either.
  if (config.CORS_ORIGINS.length > 0) {
    await app.register(fastifyCors, {
      origin: config.CORS_ORIGINS.includes('*') ? true : [...config.CORS_ORIGINS],
      methods: ['GET', 'POST'],
    });
  }
  await addSecurityHeaders(app);
  observeRequests(app, metrics);
  registerHealth(app, store);
  registerMetrics(app, metrics, config.METRICS_TOKEN);
  registerExplorer(app);
  const idePage = await registerIde(app, { endpoint: GRAPHQL_PATH, examples: IDE_EXAMPLES });
  // A scope of their own, so the rate limit's hook runs on the GraphQL routes only.
  await app.register(async (graphql) => {
    if (config.RATE_LIMIT_ENABLED) {
      await limitRate(graphql, {
        readsPerMinute: config.RATE_LIMIT_READS_PER_MINUTE,
        writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
        authenticator,
        maxTokens: config.MAX_TOKENS,
        metrics,
      });
    }
    registerGraphql(graphql, { apollo, store, authenticator, extractor: options.extractor, idePage, config });
  });
  return app;
}

/**
 * Closing closes the keep-alive connections idle at that moment; one whose request was still
 * running goes idle later and would hold `close()` up until its keep-alive timeout (72 s).
 */
function closeConnectionsAsTheyIdle(app: FastifyInstance): void {
  const timer = setInterval(() => app.server.closeIdleConnections(), 50).unref();
  app.server.once('close', () => clearInterval(timer));
}

/**
 * Errors Fastify raises before Apollo sees the request (a body over the limit, malformed JSON, an
 * unsupported content type), answered in the shape GraphQL clients read.
 */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'request failed');
  const message =
    status === 413
      ? `The request body is larger than the limit of ${BODY_LIMIT_BYTES / 1024 / 1024} MB: send a shorter query or split it.`
      : status === 500
        ? INTERNAL_MESSAGE
        : error.message;
  const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
}
