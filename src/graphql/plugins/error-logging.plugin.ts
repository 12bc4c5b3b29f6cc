import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Logger } from 'pino';
import type { RequestContext } from '../../context';
import { DomainError } from '../../domain/errors';

/**
 * Logs the real cause of every error with the request id (the request's logger carries it); the
 * response shows only what helps the caller (errors.ts). Expected domain errors are not logged.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  const listener: GraphQLRequestListener<RequestContext> = {
    async didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        const original = error.originalError;
        // The store's own trouble (down, or at a memory limit) is the operator's to see.
        if (original instanceof DomainError && original.code !== 'STORE_UNAVAILABLE' && original.code !== 'STORE_LIMIT') continue;
        // Errors before the context exists (a body that is not GraphQL) have no request logger.
        (contextValue?.logger ?? logger).warn({ err: original ?? error, path: error.path }, 'graphql error');
      }
    },
  };
  return { requestDidStart: async () => listener };
}
