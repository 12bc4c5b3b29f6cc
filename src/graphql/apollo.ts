import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { RequestContext } from '../context';
import { createErrorFormatter } from './errors';
import { jitGateway } from './jit-executor';
import { aliasLimitRule, depthLimitRule, directiveLimitRule } from './limits/amount-limit.rules';
import { costLimitPlugin } from './limits/cost-limit.plugin';
import { authenticationPlugin } from './plugins/authentication.plugin';
import { errorLoggingPlugin } from './plugins/error-logging.plugin';
import { storeCallStatsPlugin } from './plugins/store-call-stats.plugin';
import { warningsPlugin } from './plugins/warnings.plugin';

export interface ApolloOptions {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  /** For errors that happen before a request has its own logger. */
  readonly logger: Logger;
}

/**
 * The Apollo server with every plugin the API uses, listed here and nowhere else. The caller
 * starts it (`await apollo.start()`) and stops it after the HTTP server stopped accepting.
 */
export function createApollo({ config, schema, logger }: ApolloOptions): ApolloServer<RequestContext> {
  const development = config.NODE_ENV === 'development';
  return new ApolloServer<RequestContext>({
    // Operations run compiled (./jit-executor.ts) unless GRAPHQL_JIT=0 keeps graphql-js's interpreter.
    ...(config.GRAPHQL_JIT ? { gateway: jitGateway(schema) } : { schema }),
    formatError: createErrorFormatter(development),
    includeStacktraceInErrorResponses: development,
    // What a document asks is bounded here, before anything runs: depth, aliases and directives
    // while validating, the cost once the variables are known (cost-limit.plugin.ts). Its size
    // (characters, tokens) and batching are refused before Apollo parses it (src/http/graphql.ts).
    validationRules: [
      depthLimitRule(config.MAX_QUERY_DEPTH),
      aliasLimitRule(config.MAX_ALIASES),
      directiveLimitRule(config.MAX_DIRECTIVES),
    ],
    // Automatic persisted queries would let a hash stand for a document the HTTP layer never saw
    // (src/http/graphql.ts checks the document's size); no client of this API sends them.
    persistedQueries: false,
    // Writes need a bearer token, which browsers never attach on their own, so the
    // cross-site request forgery that csrfPrevention guards against does not apply; keeping it
    // on would refuse plain spec-compliant `GET /graphql?query=...` requests.
    csrfPrevention: false,
    // main.ts owns shutdown: the HTTP server drains first, then Apollo stops. Apollo's own signal
    // handler would stop it while requests are still draining.
    stopOnTerminationSignals: false,
    plugins: [
      // The GraphiQL IDE (src/http/ide.ts) replaces Apollo's landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No type or field sets a cache hint, so its per-field bookkeeping would always end in
      // `Cache-Control: no-store`; the HTTP layer (src/http/graphql.ts) sends that header itself.
      ApolloServerPluginCacheControlDisabled(),
      authenticationPlugin(config.READS_REQUIRE_TOKEN),
      costLimitPlugin({ maxCost: config.MAX_QUERY_COST, showCost: config.QUERY_STATS }),
      warningsPlugin(),
      errorLoggingPlugin(logger),
      ...(config.QUERY_STATS ? [storeCallStatsPlugin()] : []),
    ],
  });
}
