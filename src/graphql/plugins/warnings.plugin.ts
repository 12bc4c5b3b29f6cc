import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { RequestContext } from '../../context';

/** Sends what resolvers noted on `ctx.warnings` as `extensions.warnings` of a successful response. */
export function warningsPlugin(): ApolloServerPlugin<RequestContext> {
  const listener: GraphQLRequestListener<RequestContext> = {
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single' || contextValue.warnings.length === 0) return;
      response.body.singleResult.extensions = {
        ...response.body.singleResult.extensions,
        warnings: [...contextValue.warnings],
      };
    },
  };
  return { requestDidStart: async () => listener };
}
