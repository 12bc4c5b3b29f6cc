import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { ChangeRecord } from '../../domain/change';
import type { RelationshipRefs, StoredRecord, StoredView, WriteExpectation, WriteOp } from '../../ports/graph-writes';
import { fetchEntities, fetchRelationships, fetchSources } from './fetch';
import { run } from './driver';
import { fetchReview } from './review';
import { EXISTING_INGESTION_IDS } from './review-cypher';
import * as W from './write-cypher';

type Refs = RelationshipRefs;

/** The stored state a batch refers to, read once, before the batch is simulated. */
interface Stored {
  readonly entityIds: ReadonlySet<string>;
  readonly relationships: ReadonlyMap<string, Refs>;
  /** Entity id (of a deleteEntity) -> stored relationships that touch it. */
  readonly touching: ReadonlyMap<string, readonly string[]>;
  readonly changeIds: ReadonlySet<string>;
  /** `kind:id` -> the stored record, for the expectations. */
  readonly records: ReadonlyMap<string, StoredRecord | null>;
  /** Of the ingestions that put proposals belong to. */
  readonly ingestionIds: ReadonlySet<string>;
}

/**
 * The stored state a batch refers to, as the shared write check (WriteCheck) reads it: read once,
 * inside the write's transaction, so the check and the writes that follow see one state.
 */
export async function readStoredView(
  tx: ManagedTransaction,
  ops: readonly WriteOp[],
  changes: readonly ChangeRecord[],
  expected: readonly WriteExpectation[],
): Promise<StoredView> {
  const stored = await readStored(tx, ops, changes, expected);
  return {
    entityExists: (id) => stored.entityIds.has(id),
    relationship: (id) => stored.relationships.get(id) ?? null,
    relationshipIdsTouching: (entityId) => stored.touching.get(entityId) ?? [],
    changeLogged: (id) => stored.changeIds.has(id),
    stored: (kind, id) => stored.records.get(`${kind}:${id}`) ?? null,
    ingestionExists: (id) => stored.ingestionIds.has(id),
  };
}

async function readStored(
  tx: ManagedTransaction,
  ops: readonly WriteOp[],
  changes: readonly ChangeRecord[],
  expected: readonly WriteExpectation[],
): Promise<Stored> {
  const entityIds = new Set<string>();
  const deletedEntityIds = new Set<string>();
  const relationshipIds = new Set<string>();
  const ingestionIds = new Set<string>();
  for (const op of ops) {
    if (op.op === 'putProposal') ingestionIds.add(op.proposal.ingestionId);
    if (op.op === 'deleteEntity') {
      entityIds.add(op.id);
      deletedEntityIds.add(op.id);
    } else if (op.op === 'deleteRelationship') relationshipIds.add(op.id);
    else if (op.op === 'putRelationship') {
      const r = op.relationship;
      for (const id of [r.fromId, r.toId, r.onBehalfOfId]) if (id !== null) entityIds.add(id);
    }
  }
  const ids = (values: Set<string>): { ids: string[] } => ({ ids: [...values] });
  const [entities, relationships, touching, logged, records, ingestions] = await Promise.all([
    entityIds.size ? run(tx, W.EXISTING_ENTITY_IDS, ids(entityIds)) : [],
    relationshipIds.size ? run(tx, W.RELATIONSHIP_REFS, ids(relationshipIds)) : [],
    deletedEntityIds.size ? run(tx, W.TOUCHING_REFS, ids(deletedEntityIds)) : [],
    changes.length ? run(tx, W.EXISTING_CHANGE_IDS, { ids: changes.map((c) => c.id) }) : [],
    expectedRecords(tx, expected),
    ingestionIds.size ? run(tx, EXISTING_INGESTION_IDS, ids(ingestionIds)) : [],
  ]);
  const touchingRefs = touching.map(refsOf);
  const byEntity = new Map<string, string[]>();
  for (const r of touchingRefs) {
    for (const id of new Set([r.fromId, r.toId, r.onBehalfOfId])) {
      if (id === null || !deletedEntityIds.has(id)) continue;
      const list = byEntity.get(id);
      if (list) list.push(r.id);
      else byEntity.set(id, [r.id]);
    }
  }
  return {
    entityIds: new Set(entities.map((record) => record.get('id') as string)),
    relationships: new Map([...relationships.map(refsOf), ...touchingRefs].map((r) => [r.id, r])),
    touching: byEntity,
    changeIds: new Set(logged.map((record) => record.get('id') as string)),
    records,
    ingestionIds: new Set(ingestions.map((record) => record.get('id') as string)),
  };
}

async function expectedRecords(tx: ManagedTransaction, expected: readonly WriteExpectation[]): Promise<Map<string, StoredRecord | null>> {
  const idsOf = (kind: WriteExpectation['kind']): string[] => expected.filter((e) => e.kind === kind).map((e) => e.id);
  const [entityIds, relationshipIds, sourceIds, ingestionIds, proposalIds] = [
    idsOf('entity'),
    idsOf('relationship'),
    idsOf('source'),
    idsOf('ingestion'),
    idsOf('proposal'),
  ];
  const [entities, relationships, sources, review] = await Promise.all([
    entityIds.length ? fetchEntities(tx, entityIds) : [],
    relationshipIds.length ? fetchRelationships(tx, relationshipIds) : [],
    sourceIds.length ? fetchSources(tx, sourceIds) : [],
    fetchReview(tx, ingestionIds, proposalIds),
  ]);
  return new Map<string, StoredRecord | null>([
    ...entityIds.map((id, i) => [`entity:${id}`, entities[i] ?? null] as const),
    ...relationshipIds.map((id, i) => [`relationship:${id}`, relationships[i] ?? null] as const),
    ...sourceIds.map((id, i) => [`source:${id}`, sources[i] ?? null] as const),
    ...ingestionIds.map((id) => [`ingestion:${id}`, review.ingestions.get(id) ?? null] as const),
    ...proposalIds.map((id) => [`proposal:${id}`, review.proposals.get(id) ?? null] as const),
  ]);
}

function refsOf(record: Neo4jRecord): Refs {
  return {
    id: record.get('id') as string,
    fromId: record.get('fromId') as string,
    toId: record.get('toId') as string,
    onBehalfOfId: (record.get('onBehalfOfId') as string | null) ?? null,
  };
}
