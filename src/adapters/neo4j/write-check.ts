import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { ChangeRecord } from '../../domain/change';
import { compareStrings } from '../../domain/compare';
import { badInput, DomainError, ErrorCode } from '../../domain/errors';
import type { WriteOp } from '../../ports/graph-writes';
import { run } from './driver';
import * as W from './write-cypher';

/** What the check needs to know of a relationship. */
interface Refs {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly onBehalfOfId: string | null;
}

/** The stored state a batch refers to, read once, before the batch is simulated. */
interface Stored {
  readonly entityIds: ReadonlySet<string>;
  readonly relationships: ReadonlyMap<string, Refs>;
  /** Entity id (of a deleteEntity) -> stored relationships that touch it. */
  readonly touching: ReadonlyMap<string, readonly string[]>;
  readonly changeIds: ReadonlySet<string>;
}

/**
 * embedded/write-check.ts over Neo4j: the same simulation in op order, the same refusals with the
 * same codes, messages and details (the contract suite holds both to one answer). Runs inside the
 * write's transaction, so its reads and the writes that follow see one state.
 */
export async function checkWrite(tx: ManagedTransaction, ops: readonly WriteOp[], changes: readonly ChangeRecord[]): Promise<void> {
  const stored = await readStored(tx, ops, changes);
  const pending = new PendingWrite(stored);
  ops.forEach((op, index) => pending.take(op, index));
  const seen = new Set<string>();
  for (const c of changes) {
    // Change ids are minted by the service, never by a caller: a repeat is a bug, not bad input.
    if (stored.changeIds.has(c.id) || seen.has(c.id)) throw new Error(`change id "${c.id}" is already logged`);
    seen.add(c.id);
  }
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

/** The state as it would be after the ops taken so far. */
class PendingWrite {
  /** Entity id -> whether it exists after the ops so far. */
  private readonly entities = new Map<string, boolean>();
  private readonly relationships = new Map<string, Refs | null>();
  /** Entity id -> relationships put by this batch that touch it. */
  private readonly putTouching = new Map<string, Set<string>>();

  constructor(private readonly stored: Stored) {}

  take(op: WriteOp, index: number): void {
    switch (op.op) {
      case 'putSource':
        return;
      case 'putEntity':
        this.entities.set(op.entity.id, true);
        return;
      case 'deleteEntity':
        if (!this.entityExists(op.id)) throw notFound(`no entity "${op.id}" to delete`, index, op.id);
        this.refuseWhileTouched(op.id, index);
        this.entities.set(op.id, false);
        return;
      case 'putRelationship':
        this.putRelationship(op.relationship, index);
        return;
      case 'deleteRelationship':
        if (!this.relationship(op.id)) throw notFound(`no relationship "${op.id}" to delete`, index, op.id);
        this.relationships.set(op.id, null);
        return;
      default: {
        const never: never = op;
        throw new Error(`unknown write op ${JSON.stringify(never)}`);
      }
    }
  }

  private putRelationship(r: Refs, index: number): void {
    const refs: [string, string | null][] = [['fromId', r.fromId], ['toId', r.toId], ['onBehalfOfId', r.onBehalfOfId]];
    for (const [field, id] of refs) {
      if (id !== null && !this.entityExists(id)) {
        throw badInput(`relationship "${r.id}" refers to entity "${id}" as ${field}, which does not exist`, {
          op: index,
          id: r.id,
          [field]: id,
        });
      }
    }
    this.relationships.set(r.id, r);
    for (const [, id] of refs) {
      if (id === null) continue;
      const ids = this.putTouching.get(id);
      if (ids) ids.add(r.id);
      else this.putTouching.set(id, new Set([r.id]));
    }
  }

  private refuseWhileTouched(entityId: string, index: number): void {
    const still = new Set<string>();
    const consider = (relationshipId: string): void => {
      const r = this.relationship(relationshipId);
      if (r && touches(r, entityId)) still.add(relationshipId);
    };
    for (const id of this.stored.touching.get(entityId) ?? []) consider(id);
    for (const id of this.putTouching.get(entityId) ?? []) consider(id);
    if (still.size === 0) return;
    const ids = [...still].sort(compareStrings);
    throw badInput(
      `entity "${entityId}" cannot be deleted: ${ids.length} relationship${ids.length === 1 ? '' : 's'} ` +
        `still refer${ids.length === 1 ? 's' : ''} to it (${ids.slice(0, 3).map((i) => `"${i}"`).join(', ')}` +
        `${ids.length > 3 ? ', ...' : ''}); remove or move them first`,
      { op: index, id: entityId, relationshipIds: ids.slice(0, 20) },
    );
  }

  private entityExists(id: string): boolean {
    return this.entities.get(id) ?? this.stored.entityIds.has(id);
  }

  private relationship(id: string): Refs | null {
    const pending = this.relationships.get(id);
    return pending !== undefined ? pending : (this.stored.relationships.get(id) ?? null);
  }
}

function touches(r: Refs, entityId: string): boolean {
  return r.fromId === entityId || r.toId === entityId || r.onBehalfOfId === entityId;
}

function notFound(message: string, index: number, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, message, { op: index, id });
}
