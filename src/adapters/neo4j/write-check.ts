import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { ChangeRecord } from '../../domain/change';
import type { WriteOp } from '../../ports/graph-writes';
import { run } from './driver';
import * as W from './write-cypher';
import { checkWrite as check, type RelationshipRefs } from '../write-simulation';

type Refs = RelationshipRefs;

/** The stored state a batch refers to, read once, before the batch is simulated. */
interface Stored {
  readonly entityIds: ReadonlySet<string>;
  readonly relationships: ReadonlyMap<string, Refs>;
  /** Entity id (of a deleteEntity) -> stored relationships that touch it. */
  readonly touching: ReadonlyMap<string, readonly string[]>;
  readonly changeIds: ReadonlySet<string>;
}

/**
 * The shared write check (../write-simulation) over Neo4j: the stored state the batch refers to is
 * read once, inside the write's transaction, so the check and the writes that follow see one state.
 */
export async function checkWrite(tx: ManagedTransaction, ops: readonly WriteOp[], changes: readonly ChangeRecord[]): Promise<void> {
  const stored = await readStored(tx, ops, changes);
  check(
    {
      entityExists: (id) => stored.entityIds.has(id),
      relationship: (id) => stored.relationships.get(id) ?? null,
      relationshipIdsTouching: (entityId) => stored.touching.get(entityId) ?? [],
      changeLogged: (id) => stored.changeIds.has(id),
    },
    ops,
    changes,
  );
}

async function readStored(tx: ManagedTransaction, ops: readonly WriteOp[], changes: readonly ChangeRecord[]): Promise<Stored> {
  const entityIds = new Set<string>();
  const deletedEntityIds = new Set<string>();
  const relationshipIds = new Set<string>();
  for (const op of ops) {
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
  const [entities, relationships, touching, logged] = await Promise.all([
    entityIds.size ? run(tx, W.EXISTING_ENTITY_IDS, ids(entityIds)) : [],
    relationshipIds.size ? run(tx, W.RELATIONSHIP_REFS, ids(relationshipIds)) : [],
    deletedEntityIds.size ? run(tx, W.TOUCHING_REFS, ids(deletedEntityIds)) : [],
    changes.length ? run(tx, W.EXISTING_CHANGE_IDS, { ids: changes.map((c) => c.id) }) : [],
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
  };
}

function refsOf(record: Neo4jRecord): Refs {
  return {
    id: record.get('id') as string,
    fromId: record.get('fromId') as string,
    toId: record.get('toId') as string,
    onBehalfOfId: (record.get('onBehalfOfId') as string | null) ?? null,
  };
}
