import type { Store } from '../ports/traversals';

/** Port methods that reach the store; each call is one round trip, whatever the adapter. */
const ROUND_TRIP_METHODS: ReadonlySet<PropertyKey> = new Set<keyof Store>([
  'getEntities',
  'getRelationships',
  'getSources',
  'listSources',
  'search',
  'listEntities',
  'relationshipsOf',
  'participationsOf',
  'shortestPaths',
  'neighborhood',
  'coParticipants',
  'timelines',
  'write',
  'changes',
  'relationshipsTouching',
]);

export interface CallCounter {
  count: number;
}

/**
 * Wraps a store for one request and counts its round trips, so `extensions.storeCalls` means the
 * same for both adapters: it counts port calls, not whatever an adapter does inside one.
 */
export function countingStore(store: Store, counter: CallCounter): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!ROUND_TRIP_METHODS.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        counter.count++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
