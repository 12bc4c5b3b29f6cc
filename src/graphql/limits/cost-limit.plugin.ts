import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { RequestContext } from '../../context';
import { limitError, limitExceeded } from './limit-error';

export interface CostLimitOptions {
  /** MAX_QUERY_COST. */
  readonly maxCost: number;
  /** `extensions.cost` on every answer that was priced (QUERY_STATS=1). */
  readonly showCost: boolean;
}

/** Declared costs first (./cost.ts), then 1 plus the selection for every other field. */
const ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/**
 * Fields visited while pricing, fragments counted at every spread: fragments spread inside
 * fragments can multiply a short document into a huge one, which is refused here as over the cost.
 */
const MAX_PRICED_NODES = 20_000;

/**
 * Prices each operation from the schema's declared costs once Apollo knows its operation and
 * variables (list sizes are often variables), and refuses it over `maxCost` before anything runs:
 * QUERY_TOO_COMPLEX, HTTP 400.
 */
export function costLimitPlugin({ maxCost, showCost }: CostLimitOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation(request) {
          cost = cachedPriceOf(request);
          if (cost !== null && cost > maxCost) throw limitError(limitExceeded('cost', Number.isFinite(cost) ? cost : null, maxCost));
        },
        async willSendResponse({ response }) {
          if (!showCost || cost === null || !Number.isFinite(cost) || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}

/**
 * Prices per parsed document, by operation and variables. Apollo keeps one parsed document per
 * query text, so a client repeating a query is priced once: pricing walks the whole selection
 * with the schema, which cost as much as a twentieth of a small nested read's CPU.
 */
const PRICES = new WeakMap<DocumentNode, Map<string, number | null>>();

/** Per document; variables past this many distinct values are priced every time. */
const MAX_PRICES_PER_DOCUMENT = 64;

function cachedPriceOf(request: GraphQLRequestContextDidResolveOperation<RequestContext>): number | null {
  const { document, operation } = request;
  const key = `${operation?.name?.value ?? ''}\u0000${JSON.stringify(request.request.variables ?? {})}`;
  let prices = PRICES.get(document);
  if (prices === undefined) {
    prices = new Map();
    PRICES.set(document, prices);
  }
  if (prices.has(key)) return prices.get(key)!;
  const price = priceOf(request);
  if (prices.size < MAX_PRICES_PER_DOCUMENT) prices.set(key, price);
  return price;
}

/**
 * The operation's cost; Infinity past MAX_PRICED_NODES; null when it cannot run anyway (no such
 * operation, variables that do not fit it), which execution then reports without running anything.
 */
function priceOf({ schema, document, operation, request }: GraphQLRequestContextDidResolveOperation<RequestContext>): number | null {
  if (!operation) return null;
  try {
    return getComplexity({
      schema,
      query: document,
      variables: request.variables ?? {},
      operationName: operation.name?.value,
      estimators: ESTIMATORS,
      maxQueryNodes: MAX_PRICED_NODES,
    });
  } catch (e) {
    if (e instanceof Error && /maximum allowed number of nodes/.test(e.message)) return Infinity;
    return null;
  }
}
