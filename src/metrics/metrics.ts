import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, one set per running app in a registry of its own (never
 * prom-client's global one), so tests and several apps in one process do not collide. The README's
 * "Running in production" lists them.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlOperations: Counter<'operation' | 'outcome'>;
  readonly graphqlOperationDuration: Histogram<'operation'>;
  readonly storeCallDuration: Histogram<'adapter' | 'method'>;
  readonly storeRoundTrips: Counter<'adapter'>;
  readonly rateLimited: Counter<'class'>;
  /** The app's metrics followed by the process's, in Prometheus text format. */
  scrape(): Promise<string>;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** Requests and operations: from a millisecond to the 10 s default time budget (QUERY_TIMEOUT_MS) and past it. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Store calls: an embedded read takes microseconds, a Neo4j round trip a millisecond or more. */
const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const processes = processRegistry();
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'rightsgraph_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (or "unmatched") and status code, and how long they took.',
      labelNames: ['method', 'route', 'status'],
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    graphqlOperations: new Counter({
      name: 'rightsgraph_graphql_operations_total',
      help: 'GraphQL operations by operation name ("anonymous" without one) and outcome ("ok" or the first error\'s extensions.code).',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    graphqlOperationDuration: new Histogram({
      name: 'rightsgraph_graphql_operation_duration_seconds',
      help: 'Time from a GraphQL operation reaching Apollo to its response, by operation name.',
      labelNames: ['operation'],
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    storeCallDuration: new Histogram({
      name: 'rightsgraph_store_call_duration_seconds',
      help: 'Store port calls by adapter and method, and how long each took (its _count is the calls made).',
      labelNames: ['adapter', 'method'],
      buckets: STORE_BUCKETS,
      registers,
    }),
    storeRoundTrips: new Counter({
      name: 'rightsgraph_store_round_trips_total',
      help: 'Store port calls made by GraphQL operations (what extensions.storeCalls counts), by adapter.',
      labelNames: ['adapter'],
      registers,
    }),
    rateLimited: new Counter({
      name: 'rightsgraph_rate_limited_total',
      help: 'Requests refused with 429 by the rate limit, by class ("read" or "write").',
      labelNames: ['class'],
      registers,
    }),
    scrape: () => Registry.merge([registry, processes]).metrics(),
  };
}

let processes: Registry | null = null;

/**
 * CPU, memory, event loop lag, GC and handles describe the process, not an app, and prom-client
 * starts observers for them that cannot be stopped: one set per process, shared by its apps.
 */
function processRegistry(): Registry {
  if (processes === null) {
    processes = new Registry();
    collectDefaultMetrics({ register: processes });
  }
  return processes;
}
