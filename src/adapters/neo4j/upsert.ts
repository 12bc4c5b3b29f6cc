import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/enums';
import { DomainError, ErrorCode } from '../../domain/errors';
import type { RelationshipRecord } from '../../domain/records';
import type { GraphBatch } from '../../ports/graph-store';
import * as Q from './cypher';
import { run } from './driver';
import { RELATIONSHIP_TYPE_NAMES } from './labels';
import { entityToProps, RELATIONSHIP_PROPERTY_KEYS, relationshipToProps, sourceToProps, type Props } from './mapping';
import * as W from './upsert-cypher';

/**
 * Rows per UNWIND. Per-statement overhead fades by a few thousand rows; the server's
 * per-transaction memory cap (128 MB in neo4j/) is what bounds a whole batch, not this.
 */
const CHUNK = 5000;

/** A relationship as upsert writes it: type and ends become the graph, the rest properties. */
export interface RelationshipWrite {
  readonly id: string;
  readonly type: RelationshipType;
  readonly fromId: string;
  readonly toId: string;
  readonly props: Props;
}

interface StoredEnds {
  readonly type: string;
  readonly fromId: string;
  readonly toId: string;
}

/**
 * Writes a batch inside the caller's transaction: sources, then entities per kind, then
 * relationships. Statements of one step are sent together (the driver pipelines them on the
 * transaction's connection) and awaited together. A relationship that names a missing entity
 * fails the whole batch with INVALID_DATA, which rolls the transaction back.
 */
export async function writeBatch(tx: ManagedTransaction, batch: GraphBatch): Promise<void> {
  const sources = lastById(batch.sources);
  const entities = lastById(batch.entities);
  const relationships = lastById(batch.relationships);

  await runChunked(tx, Q.UPSERT_SOURCES, sources.map(sourceToProps));
  await Promise.all(ENTITY_KINDS.map((kind) => runChunked(tx, Q.UPSERT_ENTITIES[kind], entities.filter((e) => e.kind === kind).map(entityToProps))));
  await writeRelationships(tx, relationships.map(toRelationshipWrite));
}

export const toRelationshipWrite = (r: RelationshipRecord): RelationshipWrite => ({ id: r.id, type: r.type, fromId: r.fromId, toId: r.toId, props: relationshipToProps(r) });

/**
 * New ids are created; ids stored with the same type and ends are updated in place; ids stored
 * under another type or between other ends are deleted first and created again, so a rewritten
 * relationship moves rather than being duplicated.
 */
async function writeRelationships(tx: ManagedTransaction, rows: readonly RelationshipWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const stored = await storedEnds(tx, rows.map((r) => r.id));
  const inPlace: RelationshipWrite[] = [];
  const created: RelationshipWrite[] = [];
  const moved: string[] = [];
  for (const row of rows) {
    const ends = stored.get(row.id);
    if (ends === undefined) created.push(row);
    else if (ends.type === RELATIONSHIP_TYPE_NAMES[row.type] && ends.fromId === row.fromId && ends.toId === row.toId) inPlace.push(row);
    else {
      moved.push(row.id);
      created.push(row);
    }
  }
  await Promise.all(chunks(moved).map((ids) => run(tx, W.DELETE_RELATIONSHIPS, { ids })));
  await Promise.all(RELATIONSHIP_TYPES.map((t) => runChunked(tx, W.UPDATE_RELATIONSHIPS[t], inPlace.filter((r) => r.type === t).map(propsOnly))));
  const counts = await Promise.all(
    RELATIONSHIP_TYPES.flatMap((t) =>
      chunks(created.filter((r) => r.type === t)).map(async (chunk) => {
        const [record] = await run(tx, W.CREATE_RELATIONSHIPS[t], { groups: groupsByTarget(chunk) });
        return (record?.get('created') as number | undefined) ?? 0;
      }),
    ),
  );
  if (counts.reduce((a, b) => a + b, 0) < created.length) await reportUnlinked(tx, created);
}

/**
 * The shape W.CREATE_RELATIONSHIPS takes: rows grouped by end node, properties column-wise
 * (none when `withProps` is false).
 */
export function groupsByTarget(rows: readonly RelationshipWrite[], withProps = true): object[] {
  const byTarget = new Map<string, RelationshipWrite[]>();
  for (const row of rows) {
    const group = byTarget.get(row.toId);
    if (group) group.push(row);
    else byTarget.set(row.toId, [row]);
  }
  return [...byTarget].map(([toId, group]) => ({
    toId,
    fromIds: group.map((r) => r.fromId),
    props: withProps ? Object.fromEntries(RELATIONSHIP_PROPERTY_KEYS.map((key) => [key, group.map((r) => r.props[key] ?? null)])) : {},
  }));
}

/** Only types that hold relationships can hold one of `ids`; the count store says which. */
async function storedEnds(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredEnds>> {
  const stored = new Map<string, StoredEnds>();
  const [record] = await run(tx, W.RELATIONSHIP_TYPE_COUNTS);
  const counts = (record?.get('counts') ?? {}) as Record<string, number>;
  const types = RELATIONSHIP_TYPES.filter((t) => (counts[t] ?? 0) > 0);
  if (types.length === 0) return stored;
  const statement = W.existingRelationships(types);
  const answers = await Promise.all(chunks(ids).map((chunk) => run(tx, statement, { ids: chunk })));
  for (const record of answers.flat()) {
    stored.set(record.get('id') as string, {
      type: record.get('type') as string,
      fromId: record.get('fromId') as string,
      toId: record.get('toId') as string,
    });
  }
  return stored;
}

async function reportUnlinked(tx: ManagedTransaction, rows: readonly RelationshipWrite[]): Promise<never> {
  const answers = await Promise.all(chunks(rows.map(ends)).map((chunk) => run(tx, W.UNLINKED_ROWS, { rows: chunk })));
  const unlinked = answers.flat().map((r) => `${r.get('id') as string} (${r.get('fromId') as string} -> ${r.get('toId') as string})`);
  throw new DomainError(
    ErrorCode.INVALID_DATA,
    `${unlinked.length} relationship(s) refer to entities that are not in the store: ${unlinked.slice(0, 10).join(', ')}`,
    { relationshipIds: answers.flat().map((r) => r.get('id') as string) },
  );
}

const propsOnly = (r: RelationshipWrite): { id: string; props: Props } => ({ id: r.id, props: r.props });
const ends = (r: RelationshipWrite): { id: string; fromId: string; toId: string } => ({ id: r.id, fromId: r.fromId, toId: r.toId });

async function runChunked(tx: ManagedTransaction, statement: string, rows: readonly object[]): Promise<void> {
  await Promise.all(chunks(rows).map((chunk) => run(tx, statement, { rows: chunk })));
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
