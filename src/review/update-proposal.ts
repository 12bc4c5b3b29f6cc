import type { EntityKind, RelationshipType } from '../domain/enums';
import { badInput } from '../domain/errors';
import { ProposalKind, ProposalStatus, type ProposalRecord } from '../domain/review';
import { assess } from './propose';
import type { ReviewStore } from './review-store';

/**
 * What a reviewer may fix on a pending proposal; undefined leaves a field alone, null clears it.
 * Entity: `name`, `kind` (its type), `existingId` (the existing entity it is; null: a new one).
 * Relationship: `type`, `role`, and its ends `from`/`to`, each an existing entity id or the id of
 * an entity proposal of the same ingestion.
 */
export interface ProposalChanges {
  readonly name?: string | null;
  readonly kind?: EntityKind | null;
  readonly existingId?: string | null;
  readonly type?: RelationshipType | null;
  readonly role?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

export async function applyUpdate(store: ReviewStore, p: ProposalRecord, changes: ProposalChanges): Promise<ProposalRecord> {
  if (p.kind === ProposalKind.ENTITY) {
    const wrong = (['type', 'role', 'from', 'to'] as const).find((f) => changes[f] !== undefined);
    if (wrong) throw badInput(`"${wrong}" is for relationship proposals; "${p.id}" proposes an entity (name, kind, existingId).`);
    if (changes.name === null || changes.kind === null) throw badInput('"name" and "kind" cannot be cleared, only changed.');
    const name = changes.name === undefined ? p.entity.name : changes.name.trim();
    if (name === '') throw badInput('"name" is empty.');
    const kind = changes.kind ?? p.entity.kind;
    let resolvesTo = p.resolvesTo;
    if (changes.existingId !== undefined) resolvesTo = changes.existingId;
    if (resolvesTo !== null && (changes.existingId !== undefined || changes.kind !== undefined)) {
      const [entity] = await store.getEntities([resolvesTo]);
      if (!entity) throw badInput(`There is no entity "${resolvesTo}" to point proposal "${p.id}" at.`);
      if (entity.kind !== kind) throw badInput(`Entity "${resolvesTo}" is a ${entity.kind}, but proposal "${p.id}" proposes a ${kind}.`);
    }
    const updated: ProposalRecord = { ...p, resolvesTo, entity: { ...p.entity, name, kind } };
    return updated;
  }
  const wrong = (['name', 'kind', 'existingId'] as const).find((f) => changes[f] !== undefined);
  if (wrong) throw badInput(`"${wrong}" is for entity proposals; "${p.id}" proposes a relationship (type, role, from, to).`);
  if (changes.type === null) throw badInput('"type" cannot be cleared, only changed.');
  let r = { ...p.relationship, type: changes.type ?? p.relationship.type };
  if (changes.role !== undefined) r = { ...r, role: changes.role === null || changes.role.trim() === '' ? null : changes.role.trim() };
  for (const field of ['from', 'to'] as const) {
    const given = changes[field];
    if (given === undefined) continue;
    const idField = field === 'from' ? 'fromId' : 'toId';
    if (given === null) {
      r = { ...r, [field]: null, [idField]: null };
      continue;
    }
    const [own] = await store.getProposals([given]);
    if (own && own.ingestionId === p.ingestionId && own.kind === ProposalKind.ENTITY) {
      if (own.status === ProposalStatus.REJECTED) throw badInput(`Entity proposal "${given}" was rejected; point "${field}" elsewhere.`);
      r = { ...r, [field]: own.entity.ref, [idField]: null };
      continue;
    }
    const [entity] = await store.getEntities([given]);
    if (!entity) throw badInput(`"${field}": "${given}" is neither an existing entity nor an entity proposal of ingestion "${p.ingestionId}".`);
    r = { ...r, [idField]: entity.id };
  }
  // The fact changed, so what it restates or contradicts is judged again.
  const entities = await store.proposalsOf([p.ingestionId], null);
  const [assessed] = await assess(store, entities[0]!.filter((x) => x.kind === ProposalKind.ENTITY), [{ ...p, relationship: r }]);
  return assessed!;
}
