import { createHash } from 'node:crypto';
import { ChangeOperation, type Caller } from '../domain/change';
import { badInput } from '../domain/errors';
import type { EvidenceRecord, EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import { MAX_RELATIONSHIPS_PER_WRITE, type WriteOp } from '../ports/graph-writes';
import { entityLineSchema, relationshipLineSchema } from '../records/record-schema';
import { diffFields, type ChangeInput } from './change-log';
import { runEdit, type Commit, type EditorStore } from './edit-session';
import { checkAgainstStore, type Draft } from './graph-checks';
import { relationshipSlug, slugOf } from './ids';
import {
  evidenceSchema,
  givenFields,
  newEntitySchema,
  newRelationshipSchema,
  newSourceSchema,
  parseInput,
  type NewEntity,
  type NewEvidence,
  type NewRelationship,
  type NewSource,
} from './input-schemas';
import { newId, targetEntity, targetRelationship } from './lookups';
import { planMerge } from './merge-plan';
import { possibleDuplicates } from './possible-duplicates';
import type { CreatedEntity, DeletedEntity, EntityChanges, EvidenceTarget, RelationshipChanges } from './edit-types';

export type { EditorStore };

/**
 * The write service: validates an edit against the stored graph, then makes it with exactly one
 * `store.write` carrying the ops and their audit entry, so an edit lands whole or not at all.
 * Every method holds the process-wide write lock from its first read to its write, and its write
 * carries what it read, so a change by another process in between is caught, not overwritten.
 */
export class GraphEditor {
  constructor(
    private readonly store: EditorStore,
    private readonly actor: Caller,
    private readonly now: () => Date = () => new Date(),
  ) {}

  addSource(input: NewSource): Promise<SourceRecord> {
    return this.edit(async (store, commit) => {
      const v = parseInput(newSourceSchema, input, 'source');
      const id = await newId(v.id, slugOf(v.title) || 'source', 'source', (ids) => store.getSources(ids));
      const source: SourceRecord = { ...v, id };
      // The audit keeps a fingerprint of the text rather than a second copy of it.
      const { text, ...described } = source;
      const after = { ...described, textLength: text.length, textSha256: createHash('sha256').update(text).digest('hex') };
      await commit([{ op: 'putSource', source }], { operation: ChangeOperation.ADD_SOURCE, ids: [id], before: null, after });
      return source;
    });
  }

  createEntity(input: NewEntity): Promise<CreatedEntity> {
    return this.edit(async (store, commit) => {
      const v = parseInput(newEntitySchema, input, 'entity');
      const base = slugOf(v.name) || v.kind.toLowerCase();
      const draft: Draft<EntityRecord> = { ...v, id: await newId(v.id, base, 'entity', (ids) => store.getEntities(ids)) };
      const [entity] = (await checkAgainstStore(store, { entities: [draft] })).entities as [EntityRecord];
      const duplicates = await possibleDuplicates(this.store, entity);
      await commit([{ op: 'putEntity', entity }], {
        operation: ChangeOperation.CREATE_ENTITY,
        ids: [entity.id],
        before: null,
        after: entity,
      });
      return { entity, possibleDuplicates: duplicates };
    });
  }

  updateEntity(id: string, changes: EntityChanges): Promise<EntityRecord> {
    return this.edit(async (store, commit) => {
      const existing = await targetEntity(store, id);
      const given = givenFields(changes);
      const { record: _record, ...parsed } = parseInput(
        entityLineSchema,
        { record: 'entity', ...existing, ...given, aliases: given.aliases === null ? [] : (given.aliases ?? existing.aliases) },
        'entity update',
      );
      // An update never touches evidence (addEvidence does), so the stored items, offsets and all, stay.
      const updated: EntityRecord = { ...parsed, evidence: existing.evidence };
      const diff = diffFields<EntityRecord>(existing, updated);
      if (!diff) return existing;
      await commit([{ op: 'putEntity', entity: updated }], { operation: ChangeOperation.UPDATE_ENTITY, ids: [id], ...diff });
      return updated;
    });
  }

  addRelationship(input: NewRelationship): Promise<RelationshipRecord> {
    return this.edit(async (store, commit) => {
      const v = parseInput(newRelationshipSchema, input, 'relationship');
      const base = relationshipSlug(v.fromId, v.type, v.toId);
      const id = await newId(v.id, base, 'relationship', (ids) => store.getRelationships(ids));
      const draft: Draft<RelationshipRecord> = { ...v, id };
      const [relationship] = (await checkAgainstStore(store, { relationships: [draft] })).relationships as [RelationshipRecord];
      await commit([{ op: 'putRelationship', relationship }], {
        operation: ChangeOperation.ADD_RELATIONSHIP,
        ids: idsOf(relationship),
        before: null,
        after: relationship,
      });
      return relationship;
    });
  }

  updateRelationship(id: string, changes: RelationshipChanges): Promise<RelationshipRecord> {
    return this.edit(async (store, commit) => {
      const existing = await targetRelationship(store, id);
      const { record: _record, ...parsed } = parseInput(
        relationshipLineSchema,
        { record: 'relationship', ...existing, ...givenFields(changes) },
        'relationship update',
      );
      const updated: RelationshipRecord = { ...parsed, evidence: existing.evidence };
      const diff = diffFields<RelationshipRecord>(existing, updated);
      if (!diff) return existing;
      await checkAgainstStore(store, { relationships: [updated] });
      await commit([{ op: 'putRelationship', relationship: updated }], {
        operation: ChangeOperation.UPDATE_RELATIONSHIP,
        ids: [...idsOf(existing), ...idsOf(updated)],
        ...diff,
      });
      return updated;
    });
  }

  removeRelationship(id: string): Promise<RelationshipRecord> {
    return this.edit(async (store, commit) => {
      const existing = await targetRelationship(store, id);
      await commit([{ op: 'deleteRelationship', id }], {
        operation: ChangeOperation.REMOVE_RELATIONSHIP,
        ids: idsOf(existing),
        before: existing,
        after: null,
      });
      return existing;
    });
  }

  /** Adds one evidence item to an entity or a relationship; returns the target's whole evidence. */
  addEvidence(target: EvidenceTarget, input: NewEvidence): Promise<EvidenceRecord[]> {
    return this.edit(async (store, commit) => {
      const given = parseInput(evidenceSchema, input, 'evidence');
      // Only the new item is checked (and located): the stored ones were when they were added.
      if (target.kind === 'entity') {
        const entity = await targetEntity(store, target.id);
        const checked = await checkAgainstStore(store, { entities: [{ ...entity, evidence: [given] }] });
        const all = withEvidence(entity, checked.entities[0]!.evidence[0]!);
        await commit([{ op: 'putEntity', entity: { ...entity, evidence: all } }], evidenceChange([entity.id], entity.evidence, all));
        return all;
      }
      const relationship = await targetRelationship(store, target.id);
      const checked = await checkAgainstStore(store, { relationships: [{ ...relationship, evidence: [given] }] });
      const all = withEvidence(relationship, checked.relationships[0]!.evidence[0]!);
      await commit(
        [{ op: 'putRelationship', relationship: { ...relationship, evidence: all } }],
        evidenceChange(idsOf(relationship), relationship.evidence, all),
      );
      return all;
    });
  }

  /** Refused while relationships touch the entity, unless `cascade`, which removes them in the same write. */
  deleteEntity(id: string, cascade: boolean): Promise<DeletedEntity> {
    return this.edit(async (store, commit) => {
      const entity = await targetEntity(store, id);
      const touching = await touchingOf(store, [id]);
      if (touching.length > 0 && !cascade) {
        const some = touching.slice(0, 5).map((r) => `"${r.id}"`).join(', ');
        throw badInput(
          `Entity "${id}" still has ${touching.length} relationship(s) (${some}${touching.length > 5 ? ', ...' : ''}); ` +
            'remove them first, or pass cascade: true to remove them with it.',
          { relationshipCount: touching.length },
        );
      }
      const ops: WriteOp[] = [...touching.map((r) => ({ op: 'deleteRelationship' as const, id: r.id })), { op: 'deleteEntity', id }];
      await commit(ops, {
        operation: ChangeOperation.DELETE_ENTITY,
        ids: [id, ...touching.flatMap(idsOf)],
        before: { entity, relationships: touching },
        after: null,
      });
      return { entity, removedRelationshipIds: touching.map((r) => r.id) };
    });
  }

  /** Folds `merge` into `keep` (see planMerge); returns the kept entity as written. */
  mergeEntities(keep: string, merge: readonly string[]): Promise<EntityRecord> {
    return this.edit(async (store, commit) => {
      const mergeIds = [...new Set(merge)];
      if (mergeIds.length === 0) throw badInput('"merge" is empty: name at least one entity to merge into the kept one.');
      if (mergeIds.includes(keep)) throw badInput(`"merge" contains the kept entity "${keep}" itself.`);
      const kept = await targetEntity(store, keep);
      const found = await store.getEntities(mergeIds);
      const missing = mergeIds.filter((_, i) => !found[i]);
      if (missing.length > 0) throw badInput(`Unknown entity id(s) in "merge": ${missing.map((m) => `"${m}"`).join(', ')}.`);
      const merged = found as EntityRecord[];
      const otherKind = merged.find((e) => e.kind !== kept.kind);
      if (otherKind) {
        throw badInput(`Cannot merge ${otherKind.kind} "${otherKind.id}" into ${kept.kind} "${keep}": entities of different kinds are different things.`);
      }
      const touching = await touchingOf(store, mergeIds);
      const plan = planMerge(kept, merged, touching);
      const ends = (r: RelationshipRecord) => ({ id: r.id, fromId: r.fromId, toId: r.toId, onBehalfOfId: r.onBehalfOfId });
      const ops: WriteOp[] = [
        { op: 'putEntity', entity: plan.kept },
        ...plan.moved.map((relationship) => ({ op: 'putRelationship' as const, relationship })),
        ...mergeIds.map((id) => ({ op: 'deleteEntity' as const, id })),
      ];
      await commit(ops, {
        operation: ChangeOperation.MERGE_ENTITIES,
        ids: [keep, ...mergeIds, ...touching.flatMap(idsOf)],
        before: { entities: [kept, ...merged], relationships: touching.map(ends) },
        after: { entity: plan.kept, relationships: plan.moved.map(ends) },
      });
      return plan.kept;
    });
  }

  private edit<T>(work: (store: EditorStore, commit: Commit) => Promise<T>): Promise<T> {
    return runEdit(this.store, this.actor, this.now, work);
  }
}

/** Relationships touching `ids`, refused when more than one write may carry. */
async function touchingOf(store: EditorStore, ids: readonly string[]): Promise<RelationshipRecord[]> {
  const found = await store.relationshipsTouching(ids);
  if (found.length > MAX_RELATIONSHIPS_PER_WRITE) {
    throw badInput(`More than ${MAX_RELATIONSHIPS_PER_WRITE} relationships would change in one write; remove some first.`);
  }
  return found;
}

function withEvidence(record: { readonly id: string; readonly evidence: readonly EvidenceRecord[] }, added: EvidenceRecord): EvidenceRecord[] {
  if (record.evidence.some((e) => e.sourceId === added.sourceId && e.quote === added.quote)) {
    throw badInput(`"${record.id}" already has this quote from source "${added.sourceId}" as evidence.`);
  }
  return [...record.evidence, added];
}

function evidenceChange(ids: string[], before: readonly EvidenceRecord[], after: readonly EvidenceRecord[]): ChangeInput {
  return { operation: ChangeOperation.ADD_EVIDENCE, ids, before: { evidence: before }, after: { evidence: after } };
}

/** A relationship change concerns the relationship and every entity it names. */
export function idsOf(r: RelationshipRecord): string[] {
  return [r.id, r.fromId, r.toId, ...(r.onBehalfOfId ? [r.onBehalfOfId] : [])];
}
