import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import { createRequestContext, type RequestContext, type RequestContextOptions } from '../context';
import { formatDomainError } from '../graphql/errors';
import { requestRefusal, type DocumentLimits } from '../graphql/limits/request-limits';
import { Deadline } from '../ports/deadline';
import type { Store } from '../ports/store';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlRouteOptions {
  readonly apollo: ApolloServer<RequestContext>;
  readonly store: Store;
  readonly authenticator: Authenticator;
  /** What ingestDocument runs: the composition root's, which keeps one gazetteer current. */
  readonly extractor?: RequestContextOptions['extractor'];
  /** Answers browsers on GET with the IDE (ide.ts); other requests go on to Apollo. */
  readonly idePage: onRequestHookHandler;
  /** The document limits and each operation's time budget. */
  readonly config: Pick<Config, 'MAX_QUERY_LENGTH' | 'MAX_TOKENS' | 'MAX_FIELDS' | 'QUERY_TIMEOUT_MS'>;
}

/** Apollo's handler answers with the serialized response. */
interface GraphqlRoute {
  Reply: string;
}

/** GraphQL over HTTP on GET and POST `/graphql`; Apollo must have been started. */
export function registerGraphql(app: FastifyInstance, { apollo, store, authenticator, extractor, idePage, config }: GraphqlRouteOptions): void {
  const apolloHandler = fastifyApolloHandler<RequestContext>(apollo, {
    context: async (request) =>
      // Fastify's request logger is a child of our pino logger that carries the request id.
      createRequestContext(store, request.log as Logger, {
        requestId: request.id,
        authentication: authenticator.authenticate(request.headers.authorization),
        // Every store call the operation makes runs under its budget (src/ports/deadline.ts).
        deadline: Deadline.start(config.QUERY_TIMEOUT_MS),
        ...(extractor && { extractor }),
      }),
  });
  const handler = (request: FastifyRequest<GraphqlRoute>, reply: FastifyReply<GraphqlRoute>): Promise<string> => {
    // Answers depend on the graph, which writes change: never cache them (Apollo's cache-control
    // plugin, which would say the same, is off: see graphql/apollo.ts).
    reply.header('cache-control', 'no-store');
    return apolloHandler.call(app, request, reply) as Promise<string>;
  };
  const refuseOversized = refuseBeforeParsing({ maxLength: config.MAX_QUERY_LENGTH, maxTokens: config.MAX_TOKENS, maxFields: config.MAX_FIELDS });
  // Only GET may be a browser opening the IDE; POST skips that hook.
  app.get<GraphqlRoute>(GRAPHQL_PATH, { onRequest: idePage, preHandler: refuseOversized }, handler);
  app.post<GraphqlRoute>(GRAPHQL_PATH, { preHandler: refuseOversized }, handler);
}

/**
 * Refuses batches and oversized documents (src/graphql/limits/request-limits.ts) with 400 before
 * Apollo parses them or builds a context: the cheapest refusal there is.
 */
function refuseBeforeParsing(limits: DocumentLimits): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const refusal = requestRefusal(request.method === 'GET' ? request.query : request.body, limits);
    if (!refusal) return;
    request.log.info({ code: refusal.code, ...refusal.details }, 'graphql request refused before parsing');
    await reply.code(400).header('cache-control', 'no-store').send({ errors: [formatDomainError(refusal)] });
  };
}
