import { compareStrings } from '../domain/compare';
import { badInput, DomainError, ErrorCode } from '../domain/errors';
import { isDeepStrictEqual } from 'node:util';
import type { RelationshipRefs, StoredView, WriteCheck, WriteOp } from '../ports/graph-writes';

/**
 * The one write check both adapters run (the composition root hands it to them), so they refuse
 * alike (same codes, messages, details):
 * the ops are simulated in order over the stored state, so an entity put earlier in the batch
 * counts as existing and a relationship deleted earlier no longer holds its ends. Nothing is
 * written anywhere before it passes.
 */
export const checkWrite: WriteCheck = (view, ops, changes, expected = []) => {
  for (const e of expected) {
    const stored = view.stored(e.kind, e.id);
    if (!isDeepStrictEqual(stored, e.record)) {
      const what = e.record === null ? 'was created' : stored === null ? 'was deleted' : 'was changed';
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The ${e.kind} "${e.id}" ${what} by another request while this one was being made; nothing was written. Read it again and retry.`,
        { kind: e.kind, id: e.id },
      );
    }
  }
  const pending = new PendingWrite(view);
  ops.forEach((op, index) => pending.take(op, index));
  const seen = new Set<string>();
  for (const c of changes) {
    // Change ids are minted by the service, never by a caller: a repeat is a bug, not bad input.
    if (view.changeLogged(c.id) || seen.has(c.id)) throw new Error(`change id "${c.id}" is already logged`);
    seen.add(c.id);
  }
};

/** The state as it would be after the ops taken so far, without touching the real one. */
class PendingWrite {
  /** Entity id -> whether it exists after the ops so far. */
  private readonly entities = new Map<string, boolean>();
  private readonly relationships = new Map<string, RelationshipRefs | null>();
  /** Entity id -> relationships put by this batch that touch it. */
  private readonly putTouching = new Map<string, Set<string>>();
  private readonly putIngestions = new Set<string>();

  constructor(private readonly view: StoredView) {}

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
      case 'putIngestion':
        this.putIngestions.add(op.ingestion.id);
        return;
      case 'putProposal': {
        const { id, ingestionId } = op.proposal;
        if (!this.putIngestions.has(ingestionId) && !this.view.ingestionExists(ingestionId)) {
          throw badInput(`proposal "${id}" belongs to ingestion "${ingestionId}", which does not exist`, { op: index, id, ingestionId });
        }
        return;
      }
      default: {
        const never: never = op;
        throw new Error(`unknown write op ${JSON.stringify(never)}`);
      }
    }
  }

  private putRelationship(r: RelationshipRefs, index: number): void {
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
    for (const id of this.view.relationshipIdsTouching(entityId)) consider(id);
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
    return this.entities.get(id) ?? this.view.entityExists(id);
  }

  private relationship(id: string): RelationshipRefs | null {
    const pending = this.relationships.get(id);
    return pending !== undefined ? pending : this.view.relationship(id);
  }
}

function touches(r: RelationshipRefs, entityId: string): boolean {
  return r.fromId === entityId || r.toId === entityId || r.onBehalfOfId === entityId;
}

function notFound(message: string, index: number, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, message, { op: index, id });
}
