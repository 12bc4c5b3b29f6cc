import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import * as Q from './cypher';
import { run } from './driver';
import { entityFromProps, relationshipFromRow, sourceFromProps, type Props, type RelationshipRow } from './mapping';

/**
 * Records by id inside a given transaction, in the order asked, null where none is stored. The
 * store's reads and the write check (which must read inside the write's transaction) share them.
 */

export function fetchEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<(EntityRecord | null)[]> {
  return fetchByIds(tx, Q.GET_ENTITIES, ids, (r) => entityFromProps(r.get('props') as Props));
}

export function fetchRelationships(tx: ManagedTransaction, ids: readonly string[]): Promise<(RelationshipRecord | null)[]> {
  return fetchByIds(tx, Q.GET_RELATIONSHIPS, ids, (r) => relationshipFromRow(r.get('row') as RelationshipRow));
}

export function fetchSources(tx: ManagedTransaction, ids: readonly string[]): Promise<(SourceRecord | null)[]> {
  return fetchByIds(tx, Q.GET_SOURCES, ids, (r) => sourceFromProps(r.get('props') as Props));
}

async function fetchByIds<T extends { readonly id: string }>(
  tx: ManagedTransaction,
  statement: string,
  ids: readonly string[],
  toRecord: (record: Neo4jRecord) => T,
): Promise<(T | null)[]> {
  const unique = distinct(ids);
  if (unique.length === 0) return ids.map(() => null);
  return byIds(ids, await run(tx, statement, { ids: unique }), toRecord);
}

/** Records in the order of `ids`, null where none came back. */
export function byIds<T extends { readonly id: string }>(
  ids: readonly string[],
  records: readonly Neo4jRecord[],
  toRecord: (record: Neo4jRecord) => T,
): (T | null)[] {
  const found = new Map(records.map(toRecord).map((record) => [record.id, record]));
  return ids.map((id) => found.get(id) ?? null);
}

export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
