import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import { createRequestContext, type RequestContext } from '../context';
import type { Store } from '../ports/store';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlRouteOptions {
  readonly apollo: ApolloServer<RequestContext>;
  readonly store: Store;
  readonly authenticator: Authenticator;
  /** Answers browsers on GET with the IDE (ide.ts); other requests go on to Apollo. */
  readonly idePage: onRequestHookHandler;
}

/** Apollo's handler answers with the serialized response. */
interface GraphqlRoute {
  Reply: string;
}

/** GraphQL over HTTP on GET and POST `/graphql`; Apollo must have been started. */
export function registerGraphql(app: FastifyInstance, { apollo, store, authenticator, idePage }: GraphqlRouteOptions): void {
  const apolloHandler = fastifyApolloHandler<RequestContext>(apollo, {
    context: async (request) =>
      // Fastify's request logger is a child of our pino logger that carries the request id.
      createRequestContext(store, request.log as Logger, {
        requestId: request.id,
        authentication: authenticator.authenticate(request.headers.authorization),
      }),
  });
  const handler = (request: FastifyRequest<GraphqlRoute>, reply: FastifyReply<GraphqlRoute>): Promise<string> => {
    // Answers depend on the graph, which writes change: never cache them (Apollo's cache-control
    // plugin, which would say the same, is off: see graphql/apollo.ts).
    reply.header('cache-control', 'no-store');
    return apolloHandler.call(app, request, reply) as Promise<string>;
  };
  // Only GET may be a browser opening the IDE; POST skips that hook.
  app.get<GraphqlRoute>(GRAPHQL_PATH, { onRequest: idePage }, handler);
  app.post<GraphqlRoute>(GRAPHQL_PATH, handler);
}
