import type { Store } from '../ports/store';
import type { Deadline } from '../ports/deadline';
import type { Metrics } from './metrics';

type Method = Exclude<keyof Store, 'kind' | 'stats' | 'within'>;

/**
 * Which port methods are calls a request makes (timed) and which are not (loading, health checks,
 * shutdown). A new port method fails to compile here until someone decides.
 */
const TIMED = {
  getEntities: true,
  readPlanned: true,
  getRelationships: true,
  getSources: true,
  listSources: true,
  search: true,
  listEntities: true,
  relationshipsOf: true,
  participationsOf: true,
  citationsOf: true,
  citationCounts: true,
  shortestPaths: true,
  neighborhood: true,
  coParticipants: true,
  timelines: true,
  write: true,
  changes: true,
  relationshipsTouching: true,
  getIngestions: true,
  ingestionsByTextHash: true,
  listIngestions: true,
  getProposals: true,
  proposalsOf: true,
  upsert: false,
  ping: false,
  close: false,
} as const satisfies Record<Method, boolean>;

type AnyCall = (...args: unknown[]) => Promise<unknown>;

/**
 * The store with each call's duration observed in rightsgraph_store_call_duration_seconds, by
 * adapter and method. Wraps the one shared store (the composition root does), not a store per
 * request: the label sets are looked up once, and a call costs a clock read and one callback when
 * it settles. A request's bounded view (`within`) is timed into the same histograms.
 */
export function timeStoreCalls(store: Store, metrics: Metrics): Store {
  const histograms = new Map<string, ReturnType<Metrics['storeCallDuration']['labels']>>();
  for (const [method, isTimed] of Object.entries(TIMED)) {
    if (isTimed) histograms.set(method, metrics.storeCallDuration.labels(store.kind, method));
  }
  return timed(store, histograms);
}

function timed(store: Store, histograms: ReadonlyMap<string, ReturnType<Metrics['storeCallDuration']['labels']>>): Store {
  const wrapper: Record<string, unknown> = { kind: store.kind };
  if (store.stats) wrapper.stats = store.stats.bind(store);
  wrapper.within = (deadline: Deadline): Store => timed(store.within(deadline), histograms);
  for (const method of Object.keys(TIMED)) {
    const call = (store[method as Method] as AnyCall).bind(store);
    const histogram = histograms.get(method);
    if (!histogram) {
      wrapper[method] = call;
      continue;
    }
    wrapper[method] = (...args: unknown[]) => {
      const started = performance.now();
      const pending = call(...args);
      const settled = (): void => histogram.observe((performance.now() - started) / 1000);
      pending.then(settled, settled);
      return pending;
    };
  }
  return wrapper as unknown as Store;
}
