import DataLoader from 'dataloader';
import type { RelationshipType } from '../domain/enums';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { PageOf, PageRequest, RelationshipFilter } from '../ports/graph-store';
import type { Store, TimelineRecord, TimelineWindow } from '../ports/traversals';

export interface RelationshipsKey {
  readonly id: string;
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
}

export interface ParticipationsKey {
  readonly eventId: string;
  readonly types: readonly RelationshipType[];
}

export interface TimelineKey {
  readonly id: string;
  readonly window: TimelineWindow;
}

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  readonly relationship: DataLoader<string, RelationshipRecord | null>;
  readonly source: DataLoader<string, SourceRecord | null>;
  readonly relationshipsOf: DataLoader<RelationshipsKey, PageOf<RelationshipRecord>, string>;
  readonly participationsOf: DataLoader<ParticipationsKey, RelationshipRecord[], string>;
  readonly timeline: DataLoader<TimelineKey, TimelineRecord[], string>;
}

/**
 * Per-request loaders over the port. Keyed loads that carry arguments are grouped by every
 * argument that changes the answer, and each group is one store call: a nesting level where all
 * parents ask the same question costs exactly one round trip.
 */
export function createLoaders(store: Store): Loaders {
  return {
    entity: new DataLoader((ids) => store.getEntities(ids)),
    relationship: new DataLoader((ids) => store.getRelationships(ids)),
    source: new DataLoader((ids) => store.getSources(ids)),
    relationshipsOf: new DataLoader(
      (keys) =>
        groupedBatch(
          keys,
          (k) => stableKey({ filter: k.filter, page: k.page }),
          (group) => store.relationshipsOf(group.map((k) => k.id), group[0]!.filter, group[0]!.page),
        ),
      { cacheKeyFn: (k) => stableKey(k) },
    ),
    participationsOf: new DataLoader(
      (keys) =>
        groupedBatch(
          keys,
          (k) => stableKey(k.types),
          (group) => store.participationsOf(group.map((k) => k.eventId), group[0]!.types),
        ),
      { cacheKeyFn: (k) => stableKey(k) },
    ),
    timeline: new DataLoader(
      (keys) =>
        groupedBatch(
          keys,
          (k) => stableKey(k.window),
          (group) => store.timelines(group.map((k) => k.id), group[0]!.window),
        ),
      { cacheKeyFn: (k) => stableKey(k) },
    ),
  };
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

/** JSON with sorted object keys and sorted string arrays, so equal arguments give equal keys. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? [...(v as string[])].sort() : v;
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}
