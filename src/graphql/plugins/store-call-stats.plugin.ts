import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { RequestContext } from '../../context';

/** `extensions.storeCalls`: the store round trips this request made (QUERY_STATS=1). */
export function storeCallStatsPlugin(): ApolloServerPlugin<RequestContext> {
  const listener: GraphQLRequestListener<RequestContext> = {
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single') return;
      response.body.singleResult.extensions = {
        ...response.body.singleResult.extensions,
        storeCalls: contextValue.storeCalls.count,
      };
    },
  };
  return { requestDidStart: async () => listener };
}
