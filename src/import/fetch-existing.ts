import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { GraphStore } from '../ports/graph-store';
import { boundedRuns } from './bounded-runs';

/**
 * The most one port call may ask for: ids, and the characters expected back (source texts,
 * evidence lists, as `cost`), so that no one answer holds a large file's worth of text at once.
 */
export const READ_LIMIT = { count: 2_000, cost: 16_000_000 } as const;

/** What a record the file does not describe (one it only refers to) is assumed to hold. */
const UNKNOWN_CHARS = { sources: 20_000, entities: 1_000, relationships: 1_000 } as const;

export type RecordKind = keyof typeof UNKNOWN_CHARS;

export interface ExistingRecords {
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly entities: ReadonlyMap<string, EntityRecord>;
  readonly relationships: ReadonlyMap<string, RelationshipRecord>;
}

export interface WantedIds {
  readonly sources: Iterable<string>;
  readonly entities: Iterable<string>;
  readonly relationships: Iterable<string>;
  /** Characters of the file's own record of that kind and id: the stored one likely holds as many. */
  readonly chars?: (kind: RecordKind, id: string) => number | undefined;
}

/** What the store holds under the given ids (misses are simply absent), through the batch port. */
export async function fetchExisting(store: GraphStore, ids: WantedIds): Promise<ExistingRecords> {
  const sizeOf = (kind: RecordKind) => (id: string) => ids.chars?.(kind, id) ?? UNKNOWN_CHARS[kind];
  return {
    sources: await fetchAll([...new Set(ids.sources)], sizeOf('sources'), (chunk) => store.getSources(chunk)),
    entities: await fetchAll([...new Set(ids.entities)], sizeOf('entities'), (chunk) => store.getEntities(chunk)),
    relationships: await fetchAll([...new Set(ids.relationships)], sizeOf('relationships'), (chunk) => store.getRelationships(chunk)),
  };
}

async function fetchAll<T extends { readonly id: string }>(
  ids: readonly string[],
  sizeOf: (id: string) => number,
  get: (chunk: readonly string[]) => Promise<(T | null)[]>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (const chunk of boundedRuns(ids, sizeOf, READ_LIMIT)) {
    for (const record of await get(chunk)) if (record) found.set(record.id, record);
  }
  return found;
}
