import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { GraphStore } from '../ports/graph-store';

/** Ids per port call: one round trip each, small enough for a Neo4j parameter list. */
const IDS_PER_CALL = 2_000;

export interface ExistingRecords {
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly entities: ReadonlyMap<string, EntityRecord>;
  readonly relationships: ReadonlyMap<string, RelationshipRecord>;
}

export interface WantedIds {
  readonly sources: Iterable<string>;
  readonly entities: Iterable<string>;
  readonly relationships: Iterable<string>;
}

/** What the store holds under the given ids (misses are simply absent), through the batch port. */
export async function fetchExisting(store: GraphStore, ids: WantedIds): Promise<ExistingRecords> {
  return {
    sources: await fetchAll([...new Set(ids.sources)], (chunk) => store.getSources(chunk)),
    entities: await fetchAll([...new Set(ids.entities)], (chunk) => store.getEntities(chunk)),
    relationships: await fetchAll([...new Set(ids.relationships)], (chunk) => store.getRelationships(chunk)),
  };
}

async function fetchAll<T extends { readonly id: string }>(
  ids: readonly string[],
  get: (chunk: readonly string[]) => Promise<(T | null)[]>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
    for (const record of await get(ids.slice(i, i + IDS_PER_CALL))) if (record) found.set(record.id, record);
  }
  return found;
}
