import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../../domain/enums';
import { DomainError, ErrorCode } from '../../domain/errors';
import type { GraphBatch } from '../../ports/graph-store';
import * as Q from './cypher';
import { run } from './driver';
import { RELATIONSHIP_TYPE_NAMES } from './labels';
import { entityToProps, relationshipToProps, sourceToProps } from './mapping';

/** Rows per UNWIND, to keep parameter maps small on large imports. */
const CHUNK = 1000;

/**
 * Writes a batch inside the caller's transaction: sources, then entities per kind, then
 * relationships per type, each merged on id. A relationship that names a missing entity fails
 * the whole batch with INVALID_DATA, which rolls the transaction back.
 */
export async function writeBatch(tx: ManagedTransaction, batch: GraphBatch): Promise<void> {
  const sources = lastById(batch.sources);
  const entities = lastById(batch.entities);
  const relationships = lastById(batch.relationships);

  await runChunked(tx, Q.UPSERT_SOURCES, sources.map(sourceToProps));
  for (const kind of ENTITY_KINDS) {
    await runChunked(tx, Q.UPSERT_ENTITIES[kind], entities.filter((e) => e.kind === kind).map(entityToProps));
  }

  const rows = relationships.map((r) => ({
    id: r.id,
    type: RELATIONSHIP_TYPE_NAMES[r.type],
    fromId: r.fromId,
    toId: r.toId,
    props: relationshipToProps(r),
  }));
  for (const chunk of chunks(rows)) {
    const ends = Object.fromEntries(chunk.map((r) => [r.id, { type: r.type, fromId: r.fromId, toId: r.toId }]));
    await run(tx, Q.DELETE_MOVED_RELATIONSHIPS, { ids: chunk.map((r) => r.id), ends });
  }
  const written = new Set<string>();
  for (const type of RELATIONSHIP_TYPES) {
    const ofType = rows.filter((r) => r.type === RELATIONSHIP_TYPE_NAMES[type]);
    for (const record of await runChunked(tx, Q.UPSERT_RELATIONSHIPS[type], ofType)) written.add(record.get('id') as string);
  }

  const unlinked = relationships.filter((r) => !written.has(r.id));
  if (unlinked.length > 0) {
    throw new DomainError(
      ErrorCode.INVALID_DATA,
      `${unlinked.length} relationship(s) refer to entities that are not in the store: ` +
        unlinked.slice(0, 10).map((r) => `${r.id} (${r.fromId} -> ${r.toId})`).join(', '),
      { relationshipIds: unlinked.map((r) => r.id) },
    );
  }
}

async function runChunked(tx: ManagedTransaction, statement: string, rows: readonly object[]): Promise<Neo4jRecord[]> {
  const out: Neo4jRecord[] = [];
  for (const chunk of chunks(rows)) out.push(...(await run(tx, statement, { rows: chunk })));
  return out;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Within one batch the last record for an id wins, as it does in the embedded store. */
function lastById<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}
