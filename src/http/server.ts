import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createAuthenticator, type Authenticator } from '../auth/authenticate';
import { authenticationPlugin } from '../auth/authentication.plugin';
import { loadTokens } from '../auth/token-config';
import type { Config } from '../config';
import { createRequestContext, type RequestContext } from '../context';
import { DomainError } from '../domain/errors';
import { createErrorFormatter } from '../graphql/errors';
import { warningsPlugin } from '../graphql/mutation/warnings.plugin';
import type { Store } from '../ports/traversals';
import { graphiqlRouter } from './graphiql';
import { IDE_EXAMPLES } from './ide-examples';

export const GRAPHQL_PATH = '/graphql';

export interface HttpAppOptions {
  readonly config: Config;
  readonly store: Store;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /** Defaults to the tokens of `config` (API_TOKENS, API_TOKENS_FILE). */
  readonly authenticator?: Authenticator;
}

export interface HttpApp {
  readonly app: express.Express;
  readonly apollo: ApolloServer<RequestContext>;
}

export function createApollo({ config, schema, logger }: Omit<HttpAppOptions, 'store'>): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema,
    formatError: createErrorFormatter(config.NODE_ENV === 'development'),
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    validationRules: [depthLimit(config.MAX_QUERY_DEPTH)],
    // Writes need a bearer token, which browsers never attach on their own, so the
    // cross-site request forgery that csrfPrevention guards against does not apply; keeping it
    // on would refuse plain spec-compliant `GET /graphql?query=...` requests.
    csrfPrevention: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      authenticationPlugin(config.READS_REQUIRE_TOKEN),
      warningsPlugin(),
      errorLogging(logger),
      ...(config.QUERY_STATS ? [storeCallStats()] : []),
    ],
  });
}

/** Builds the HTTP app; the caller starts Apollo first (`await apollo.start()`) and listens. */
export function createHttpApp(options: HttpAppOptions, apollo: ApolloServer<RequestContext>): express.Express {
  const { config, store, logger } = options;
  // Read at start, so a bad token setting stops the server before it listens.
  const authenticator = options.authenticator ?? createAuthenticator(loadTokens(config));
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready', store: store.kind });
    } catch (e) {
      const reason = e instanceof DomainError ? e.message : 'the store did not answer';
      res.status(503).json({ status: 'unavailable', store: store.kind, reason });
    }
  });

  // CORS first: it must answer preflights before any router's automatic OPTIONS reply.
  app.use(GRAPHQL_PATH, cors(corsOptions(config.CORS_ORIGINS)));
  // The IDE answers browsers on GET /graphql (and its bundle below it); everything else goes on to Apollo.
  app.use(graphiqlRouter({ endpoint: GRAPHQL_PATH, examples: IDE_EXAMPLES }));
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createRequestContext(store, logger, {
          requestId: requestIdOf(req),
          authentication: authenticator.authenticate(req.get('authorization')),
        }),
    }),
  );
  return app;
}

/** Refuses over-deep queries during validation, so nothing of them runs. */
function depthLimit(max: number) {
  return maxDepthRule({
    n: max,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(
            `Query is nested too deeply: ${error.message.replace(/^Syntax Error: /, '')} ` +
              'Split it into several queries or fetch fewer levels at once.',
          ),
        ),
    ],
  });
}

function corsOptions(origins: readonly string[]): cors.CorsOptions {
  if (origins.includes('*')) return { origin: true };
  return { origin: origins.length > 0 ? [...origins] : false };
}

function requestIdOf(req: express.Request): string | undefined {
  const header = req.get('x-request-id');
  return header && /^[\w.-]{1,100}$/.test(header) ? header : undefined;
}

function requestLogging(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}

/** Logs the real cause of every error with the request id; the response shows only what helps. */
function errorLogging(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original instanceof DomainError && original.code !== 'STORE_UNAVAILABLE') continue;
            (contextValue?.logger ?? logger).warn({ err: original ?? error, path: error.path }, 'graphql error');
          }
        },
      };
    },
  };
}

/** `extensions.storeCalls`: the store round trips this request made (QUERY_STATS=1). */
function storeCallStats(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            storeCalls: contextValue.storeCalls.count,
          };
        },
      };
    },
  };
}
