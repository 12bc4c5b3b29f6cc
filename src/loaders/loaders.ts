import DataLoader from 'dataloader';
import type { RelationshipType } from '../domain/enums';
import type { ProposalRecord, ProposalStatus } from '../domain/review';
import type { CitationRecord, EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { PageOf, PageRequest, RelationshipFilter } from '../ports/graph-store';
import type { TimelineRecord, TimelineWindow } from '../ports/traversals';
import type { Store } from '../ports/store';
import type { PlannedRead, ReadPlan, RecordFields } from '../ports/read-plan';

export interface RelationshipsKey {
  readonly id: string;
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
}

export interface ParticipationsKey {
  readonly eventId: string;
  readonly types: readonly RelationshipType[];
}

/** An entity read together with what the query will read below it (ports/read-plan). */
export interface PlannedKey {
  readonly id: string;
  readonly plan: ReadPlan;
  readonly fields: RecordFields;
}

export interface TimelineKey {
  readonly id: string;
  readonly window: TimelineWindow;
}

export interface ProposalsKey {
  readonly ingestionId: string;
  readonly status: ProposalStatus | null;
}

export interface CitationsKey {
  readonly sourceId: string;
  readonly first: number;
}

export interface Loaders {
  readonly entity: KnownLoader<string, EntityRecord | null>;
  /** The entity, one round trip for it and everything its plan names, which primes the other loaders. */
  readonly planned: DataLoader<PlannedKey, EntityRecord | null, string>;
  readonly relationship: DataLoader<string, RelationshipRecord | null>;
  readonly source: DataLoader<string, SourceRecord | null>;
  readonly relationshipsOf: KnownLoader<RelationshipsKey, PageOf<RelationshipRecord>, string>;
  readonly participationsOf: KnownLoader<ParticipationsKey, RelationshipRecord[], string>;
  readonly timeline: DataLoader<TimelineKey, TimelineRecord[], string>;
  readonly citationsOf: DataLoader<CitationsKey, CitationRecord[], string>;
  readonly citationCount: DataLoader<string, number>;
  readonly proposalsOf: DataLoader<ProposalsKey, ProposalRecord[], string>;
}

/**
 * Per-request loaders over the port. Keyed loads that carry arguments are grouped by every
 * argument that changes the answer, and each group is one store call: a nesting level where all
 * parents ask the same question costs exactly one round trip.
 */
export function createLoaders(store: Store): Loaders {
  return new LazyLoaders(store);
}

/**
 * Each loader is made on first use (most requests touch one or two), by a getter on the prototype,
 * and then becomes an own enumerable property: `Object.values(loaders)` lists exactly the loaders
 * this request made, which are the only ones holding anything to clear.
 */
class LazyLoaders implements Loaders {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  get entity(): Loaders['entity'] {
    const store = this.#store;
    return this.#keep('entity', new KnownLoader((ids) => store.getEntities(ids)));
  }

  get planned(): Loaders['planned'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: PlannedKey) => k.id,
      (k) => ({ plan: k.plan, fields: k.fields }),
      async (ids, k) => {
        const read = await store.readPlanned(ids, k.plan, k.fields);
        this.#prime(read);
        return read.roots;
      },
    );
    return this.#keep('planned', loader);
  }

  /** Keeps what a planned read brought, under the keys the resolvers below will ask for it by. */
  #prime(read: PlannedRead): void {
    for (const e of read.roots) if (e) this.entity.prime(e.id, e);
    for (const e of read.entities) this.entity.prime(e.id, e);
    for (const p of read.participations) this.participationsOf.prime({ eventId: p.eventId, types: p.types }, p.rows);
    for (const r of read.relationshipPages) this.relationshipsOf.prime({ id: r.id, filter: r.filter, page: r.page }, r.result);
  }

  get relationship(): Loaders['relationship'] {
    const store = this.#store;
    return this.#keep('relationship', new DataLoader((ids) => store.getRelationships(ids)));
  }

  get source(): Loaders['source'] {
    const store = this.#store;
    return this.#keep('source', new DataLoader((ids) => store.getSources(ids)));
  }

  get relationshipsOf(): Loaders['relationshipsOf'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: RelationshipsKey) => k.id,
      (k) => ({ filter: k.filter, page: k.page }),
      (ids, k) => store.relationshipsOf(ids, k.filter, k.page),
    );
    return this.#keep('relationshipsOf', loader);
  }

  get participationsOf(): Loaders['participationsOf'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: ParticipationsKey) => k.eventId,
      (k) => k.types,
      (ids, k) => store.participationsOf(ids, k.types),
    );
    return this.#keep('participationsOf', loader);
  }

  get timeline(): Loaders['timeline'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: TimelineKey) => k.id,
      (k) => k.window,
      (ids, k) => store.timelines(ids, k.window),
    );
    return this.#keep('timeline', loader);
  }

  get citationsOf(): Loaders['citationsOf'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: CitationsKey) => k.sourceId,
      (k) => k.first,
      (ids, k) => store.citationsOf(ids, k.first),
    );
    return this.#keep('citationsOf', loader);
  }

  get citationCount(): Loaders['citationCount'] {
    const store = this.#store;
    return this.#keep('citationCount', new DataLoader((ids) => store.citationCounts(ids)));
  }

  get proposalsOf(): Loaders['proposalsOf'] {
    const store = this.#store;
    const loader = groupedLoader(
      (k: ProposalsKey) => k.ingestionId,
      (k) => k.status,
      (ids, k) => store.proposalsOf(ids, k.status),
    );
    return this.#keep('proposalsOf', loader);
  }

  /** Shadows the prototype's getter with the loader, so later reads are plain property reads. */
  #keep<K extends keyof Loaders>(name: K, loader: Loaders[K]): Loaders[K] {
    Object.defineProperty(this, name, { value: loader, enumerable: true });
    return loader;
  }
}

/**
 * A loader over keys that carry arguments besides an id: keys with equal arguments (`argsOf`) go
 * to the store in one call, `load(ids, any key of the group)`. The arguments' stable key is
 * computed once per key object.
 */
function groupedLoader<K extends object, V>(
  idOf: (key: K) => string,
  argsOf: (key: K) => unknown,
  load: (ids: string[], groupKey: K) => Promise<V[]>,
): KnownLoader<K, V, string> {
  // Keys are built once per resolver call and never changed, so a key object's arguments keep
  // their stable key: `prime`/`loadNow` and DataLoader's own lookup would otherwise each recompute it.
  const argsKeys = new WeakMap<K, string>();
  const argsKeyOf = (key: K): string => {
    let args = argsKeys.get(key);
    if (args === undefined) {
      args = stableKey(argsOf(key));
      argsKeys.set(key, args);
    }
    return args;
  };
  return new KnownLoader<K, V, string>((keys) => groupedBatch(keys, argsKeyOf, (group) => load(group.map(idOf), group[0]!)), {
    // The JSON comes first and ends where it ends, so distinct (args, id) give distinct keys.
    cacheKeyFn: (key) => `${argsKeyOf(key)}${idOf(key)}`,
  });
}

/**
 * A DataLoader that also answers at once what a planned read primed it with. `loadNow` gives such
 * a value itself, not a promise of it, so the fields below a planned read resolve synchronously:
 * graphql-js then completes them without a promise, a microtask and a Promise.all per object,
 * which on a three-level read (W3 of bench:peers) was most of the GraphQL work.
 *
 * A primed value is kept here only: DataLoader's own prime would wrap every value in a resolved
 * promise (and compute its cache key again), and a planned read primes a hundred or more records
 * that the resolvers mostly read through `loadNow`. `load` makes the promise when it is asked.
 */
export class KnownLoader<K, V, C = K> extends DataLoader<K, V, C> {
  readonly #known = new Map<C, V>();
  readonly #cacheKeyOf: (key: K) => C;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) {
    super(batch, options);
    this.#cacheKeyOf = options?.cacheKeyFn ?? ((key: K) => key as unknown as C);
  }

  /** The value when it is known, else the loader's promise of it. */
  loadNow(key: K): V | Promise<V> {
    const cacheKey = this.#cacheKeyOf(key);
    return this.#known.has(cacheKey) ? (this.#known.get(cacheKey) as V) : super.load(key);
  }

  override load(key: K): Promise<V> {
    const cacheKey = this.#cacheKeyOf(key);
    return this.#known.has(cacheKey) ? Promise.resolve(this.#known.get(cacheKey) as V) : super.load(key);
  }

  /** As DataLoader's: a key it holds already keeps its value. */
  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (value instanceof Error || isPromiseLike(value)) return super.prime(key, value);
    const cacheKey = this.#cacheKeyOf(key);
    if (!this.#known.has(cacheKey)) this.#known.set(cacheKey, value);
    return this;
  }

  override clear(key: K): this {
    this.#known.delete(this.#cacheKeyOf(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.#known.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Splits a batch into groups that share arguments, runs one call per group, restores key order. */
async function groupedBatch<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  load: (group: K[]) => Promise<V[]>,
): Promise<(V | Error)[]> {
  const groups = new Map<string, { keys: K[]; positions: number[] }>();
  keys.forEach((key, position) => {
    const g = groupOf(key);
    const group = groups.get(g) ?? { keys: [], positions: [] };
    group.keys.push(key);
    group.positions.push(position);
    groups.set(g, group);
  });
  const results = new Array<V | Error>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (group) => {
      try {
        const values = await load(group.keys);
        group.positions.forEach((p, i) => (results[p] = values[i] as V));
      } catch (e) {
        // One failing group must not fail the others; each of its keys gets the error.
        group.positions.forEach((p) => (results[p] = e as Error));
      }
    }),
  );
  return results;
}

/**
 * JSON with sorted object keys and sorted string arrays, so equal arguments give equal keys.
 * Written out rather than JSON.stringify with a replacer (a call per value, a copy per object):
 * it runs for every key of every keyed load.
 */
export function stableKey(value: unknown): string {
  return keyOf(value) ?? 'null';
}

/** As JSON.stringify would write `value` after sorting; undefined where it would leave it out. */
function keyOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return keyOf((toJSON as () => unknown).call(value));
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value.every((x) => typeof x === 'string') ? [...(value as string[])].sort() : value;
    return `[${items.map((x) => keyOf(x) ?? 'null').join(',')}]`;
  }
  let out = '';
  for (const key of Object.keys(value).sort()) {
    const item = keyOf((value as Record<string, unknown>)[key]);
    if (item !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${item}`;
  }
  return `{${out}}`;
}
