import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import * as Q from './cypher';
import { run } from './driver';
import { entityFromProps, relationshipFromRow, sourceFromProps, type Props, type RelationshipRow } from './mapping';

/**
 * Records by id inside a given transaction, in the order asked, null where none is stored. The
 * store's reads and the write check (which must read inside the write's transaction) share them.
 */

export async function fetchEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<(EntityRecord | null)[]> {
  const unique = distinct(ids);
  if (unique.length === 0) return ids.map(() => null);
  const records = await run(tx, Q.GET_ENTITIES, { ids: unique });
  const byId = new Map(records.map((r) => entityFromProps(r.get('props') as Props)).map((e) => [e.id, e]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function fetchRelationships(tx: ManagedTransaction, ids: readonly string[]): Promise<(RelationshipRecord | null)[]> {
  const unique = distinct(ids);
  if (unique.length === 0) return ids.map(() => null);
  const records = await run(tx, Q.GET_RELATIONSHIPS, { ids: unique });
  const byId = new Map(records.map((r) => relationshipFromRow(r.get('row') as RelationshipRow)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function fetchSources(tx: ManagedTransaction, ids: readonly string[]): Promise<(SourceRecord | null)[]> {
  const unique = distinct(ids);
  if (unique.length === 0) return ids.map(() => null);
  const records = await run(tx, Q.GET_SOURCES, { ids: unique });
  const byId = new Map(records.map((r) => sourceFromProps(r.get('props') as Props)).map((s) => [s.id, s]));
  return ids.map((id) => byId.get(id) ?? null);
}

export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
