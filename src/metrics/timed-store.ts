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

/** What each timed method reads: the store it times (the shared one, or a request's bounded view of it). */
interface Timed {
  readonly store: Store;
}

/**
 * The store with each call's duration observed in rightsgraph_store_call_duration_seconds, by
 * adapter and method. The wrapping methods and their label sets are made once, on a prototype;
 * a request's bounded view (`within`) is one object over that prototype, timed into the same
 * histograms, and a call costs a clock read and one callback when it settles.
 */
export function timeStoreCalls(store: Store, metrics: Metrics): Store {
  const methods: Record<string, unknown> = {};
  for (const [method, isTimed] of Object.entries(TIMED)) {
    if (!isTimed) {
      methods[method] = function (this: Timed, ...args: unknown[]) {
        return (this.store[method as Method] as AnyCall).apply(this.store, args);
      };
      continue;
    }
    const histogram = metrics.storeCallDuration.labels(store.kind, method);
    methods[method] = function (this: Timed, ...args: unknown[]) {
      const started = performance.now();
      const pending = (this.store[method as Method] as AnyCall).apply(this.store, args);
      const settled = (): void => histogram.observe((performance.now() - started) / 1000);
      pending.then(settled, settled);
      return pending;
    };
  }
  methods.within = function (this: Timed, deadline: Deadline): Store {
    return over(this.store.within(deadline));
  };
  if (store.stats) {
    methods.stats = function (this: Timed) {
      return this.store.stats!();
    };
  }
  const prototype = Object.create(methods, { kind: { value: store.kind, enumerable: true } }) as object;
  const over = (target: Store): Store => Object.create(prototype, { store: { value: target } }) as Store;
  return over(store);
}
