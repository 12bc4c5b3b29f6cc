import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Metrics } from './metrics';

/**
 * Operation names come from callers, so each new one would be a new time series: past this many
 * distinct names (or a name longer than NAME_LENGTH) an operation is counted as "other".
 */
export const MAX_OPERATION_NAMES = 200;
const NAME_LENGTH = 100;

/**
 * Counts every GraphQL operation by name and outcome and times it from Apollo's first look at the
 * request to its response; adds the store calls it made (the per-request counter behind
 * extensions.storeCalls, so nothing more is counted per call).
 */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES || name.length > NAME_LENGTH) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response, contextValue }) {
          const operation = label(operationName);
          metrics.graphqlOperations.inc({ operation, outcome: outcomeOf(response) });
          metrics.graphqlOperationDuration.observe({ operation }, (performance.now() - started) / 1000);
          const calls = contextValue.storeCalls.count;
          if (calls > 0) metrics.storeRoundTrips.inc({ adapter: contextValue.store.kind }, calls);
        },
      };
    },
  };
}

/** "ok", or the first error's extensions.code (errors are formatted by now, so each has one). */
function outcomeOf(response: GraphQLResponse): string {
  if (response.body.kind !== 'single') return 'ok';
  const first = response.body.singleResult.errors?.[0];
  if (first === undefined) return 'ok';
  const code = first.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
