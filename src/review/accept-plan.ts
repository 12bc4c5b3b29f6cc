import { ChangeOperation } from '../domain/change';
import { Confidence } from '../domain/enums';
import { badInput } from '../domain/errors';
import type { EntityRecord, EvidenceRecord, RelationshipRecord } from '../domain/records';
import { ProposalKind, ProposalStatus, type ProposalRecord, type SpanRecord } from '../domain/review';
import type { ChangeInput } from '../editing/change-log';
import { checkAgainstStore, type Draft } from '../editing/graph-checks';
import { firstFreeId, relationshipSlug, slugOf } from '../editing/ids';
import { newEntitySchema, newRelationshipSchema, parseInput } from '../editing/input-schemas';
import type { WriteOp } from '../ports/graph-writes';
import type { ReviewStore } from './review-store';

type EntityProposal = Extract<ProposalRecord, { kind: ProposalKind.ENTITY }>;
type RelationshipProposal = Extract<ProposalRecord, { kind: ProposalKind.RELATIONSHIP }>;

export interface AcceptPlan {
  readonly ops: readonly WriteOp[];
  readonly changes: readonly ChangeInput[];
  /** Every proposal the plan accepts, as written (ACCEPTED, acceptedAs set). */
  readonly proposals: readonly ProposalRecord[];
}

/**
 * What accepting `requested` writes: entities first (a new one created with its proposal's
 * evidence, an existing one given the evidence it lacks), then relationships between the ids the
 * entities were accepted as (a restated one given its new evidence). A relationship brings along
 * the pending entity proposals it names. Every record passes the editing checks (the record
 * schema; editing/graph-checks: quotes verbatim in the source, ends exist), the same as an edit's.
 */
export async function acceptPlan(store: ReviewStore, requested: readonly ProposalRecord[]): Promise<AcceptPlan> {
  const refused = requested.find((p) => p.status === ProposalStatus.REJECTED);
  if (refused) throw badInput(`Proposal "${refused.id}" was rejected (${refused.rejectedReason ?? 'no reason'}); it cannot be accepted.`);
  const pending = requested.filter((p) => p.status === ProposalStatus.PENDING);
  if (pending.length === 0) return { ops: [], changes: [], proposals: [] };
  const ingestionIds = [...new Set(pending.map((p) => p.ingestionId))];
  const all = (await store.proposalsOf(ingestionIds, null)).flat();
  const ingestions = await store.getIngestions(ingestionIds);
  const sourceOf = new Map(ingestions.flatMap((i) => (i ? [[i.id, i.sourceId] as const] : [])));
  const byRef = new Map(all.flatMap((p) => (p.kind === ProposalKind.ENTITY ? [[`${p.ingestionId}\u0000${p.entity.ref}`, p] as const] : [])));

  const entityProposals = new Map<string, EntityProposal>();
  const relationshipProposals: RelationshipProposal[] = [];
  for (const p of pending) {
    if (p.kind === ProposalKind.ENTITY) entityProposals.set(p.id, p);
    else relationshipProposals.push(p);
  }
  /** The entity an end names: an existing id, or the entity proposal of that ref (brought along if pending). */
  const endOf = (p: RelationshipProposal, field: 'from' | 'to' | 'onBehalfOf', ref: string | null, id: string | null): EntityProposal | string | null => {
    if (id !== null) return id;
    if (ref === null) return null;
    const named = byRef.get(`${p.ingestionId}\u0000${ref}`);
    if (!named || named.kind !== ProposalKind.ENTITY) throw badInput(`Proposal "${p.id}" names "${ref}" as ${field}, which no entity proposal of its ingestion is.`);
    if (named.status === ProposalStatus.REJECTED) {
      throw badInput(
        `Proposal "${p.id}" needs entity proposal "${named.id}" ("${named.entity.name}") as ${field}, which was rejected: ` +
          `point "${field}" at an existing entity with updateProposal, then accept it.`,
      );
    }
    if (named.status === ProposalStatus.ACCEPTED) return named.acceptedAs;
    entityProposals.set(named.id, named);
    return named;
  };
  const ends = relationshipProposals.map((p) => {
    const r = p.relationship;
    if (r.to === null && r.toId === null) {
      throw badInput(
        `Proposal "${p.id}" (${r.type}${r.role ? `, role "${r.role}"` : ''}) does not say to which entity: set "to" with updateProposal ` +
          '(an existing entity id, or an entity proposal of the same ingestion), then accept it.',
        { id: p.id },
      );
    }
    if (r.from === null && r.fromId === null) throw badInput(`Proposal "${p.id}" (${r.type}) has no "from": set it with updateProposal, then accept it.`);
    return { p, from: endOf(p, 'from', r.from, r.fromId)!, to: endOf(p, 'to', r.to, r.toId)!, onBehalfOf: endOf(p, 'onBehalfOf', r.onBehalfOf, null) };
  });

  // Entities: the existing ones a proposal resolves to, and fresh ids for the new ones.
  const entities = [...entityProposals.values()];
  const resolvedIds = entities.flatMap((p) => (p.resolvesTo ? [p.resolvesTo] : []));
  const existing = new Map((await store.getEntities(resolvedIds)).flatMap((e) => (e ? [[e.id, e] as const] : [])));
  const reserved = new Set<string>();
  const acceptedAs = new Map<string, string>();
  const entityDrafts: Draft<EntityRecord>[] = [];
  for (const p of entities) {
    const sourceId = sourceOf.get(p.ingestionId)!;
    if (p.resolvesTo) {
      const stored = existing.get(p.resolvesTo);
      if (!stored) throw badInput(`Proposal "${p.id}" resolves to entity "${p.resolvesTo}", which no longer exists: re-point it with updateProposal.`);
      acceptedAs.set(p.id, stored.id);
      const lacking = newSpans(p.entity.evidence, stored.evidence, sourceId);
      if (lacking.length > 0) entityDrafts.push({ ...stored, evidence: lacking.map((s) => evidenceOf(s, sourceId, Confidence.HIGH)) });
      continue;
    }
    const id = await freeId(slugOf(p.entity.name) || p.entity.kind.toLowerCase(), reserved, (ids) => store.getEntities(ids));
    const v = parseInput(
      newEntitySchema,
      { id, kind: p.entity.kind, name: p.entity.name, aliases: [...p.entity.aliases], date: p.entity.date, evidence: p.entity.evidence.map((s) => evidenceOf(s, sourceId, Confidence.HIGH)) },
      `entity of proposal "${p.id}"`,
    );
    acceptedAs.set(p.id, id);
    entityDrafts.push({ ...v, id });
  }
  const idOf = (end: EntityProposal | string | null): string | null => (end === null || typeof end === 'string' ? end : acceptedAs.get(end.id)!);

  // Relationships, between the ids just settled.
  const restated = relationshipProposals.flatMap((p) => (p.resolvesTo ? [p.resolvesTo] : []));
  const stored = new Map((await store.getRelationships(restated)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const relationshipDrafts: Draft<RelationshipRecord>[] = [];
  for (const { p, from, to, onBehalfOf } of ends) {
    const r = p.relationship;
    const sourceId = sourceOf.get(p.ingestionId)!;
    const same = p.resolvesTo ? stored.get(p.resolvesTo) : undefined;
    if (same) {
      acceptedAs.set(p.id, same.id);
      const lacking = newSpans(r.evidence, same.evidence, sourceId);
      if (lacking.length > 0) relationshipDrafts.push({ ...same, evidence: lacking.map((s) => evidenceOf(s, sourceId, r.confidence)) });
      continue;
    }
    const fromId = idOf(from)!;
    const toId = idOf(to)!;
    const id = await freeId(relationshipSlug(fromId, r.type, toId), reserved, (ids) => store.getRelationships(ids));
    const v = parseInput(
      newRelationshipSchema,
      { id, type: r.type, fromId, toId, role: r.role, onBehalfOfId: idOf(onBehalfOf), evidence: r.evidence.map((s) => evidenceOf(s, sourceId, r.confidence)) },
      `relationship of proposal "${p.id}"`,
    );
    acceptedAs.set(p.id, id);
    relationshipDrafts.push({ ...v, id });
  }

  const checked = await checkAgainstStore(store, { entities: entityDrafts, relationships: relationshipDrafts });
  const ops: WriteOp[] = [];
  const changes: ChangeInput[] = [];
  for (const e of checked.entities) {
    const before = existing.get(e.id);
    const entity = before ? { ...before, evidence: [...before.evidence, ...e.evidence] } : e;
    ops.push({ op: 'putEntity', entity });
    changes.push(
      before
        ? { operation: ChangeOperation.ADD_EVIDENCE, ids: [e.id], before: { evidence: before.evidence }, after: { evidence: entity.evidence } }
        : { operation: ChangeOperation.CREATE_ENTITY, ids: [e.id], before: null, after: entity },
    );
  }
  for (const r of checked.relationships) {
    const before = stored.get(r.id);
    const relationship = before ? { ...before, evidence: [...before.evidence, ...r.evidence] } : r;
    const ids = [r.id, r.fromId, r.toId, ...(r.onBehalfOfId ? [r.onBehalfOfId] : [])];
    ops.push({ op: 'putRelationship', relationship });
    changes.push(
      before
        ? { operation: ChangeOperation.ADD_EVIDENCE, ids, before: { evidence: before.evidence }, after: { evidence: relationship.evidence } }
        : { operation: ChangeOperation.ADD_RELATIONSHIP, ids, before: null, after: relationship },
    );
  }
  const proposals: ProposalRecord[] = [...entities, ...relationshipProposals].map((p) => ({
    ...p,
    status: ProposalStatus.ACCEPTED,
    acceptedAs: acceptedAs.get(p.id)!,
  }));
  ops.push(...proposals.map((proposal) => ({ op: 'putProposal' as const, proposal })));
  changes.push({
    operation: ChangeOperation.ACCEPT_PROPOSALS,
    ids: [...new Set(proposals.flatMap((p) => [p.id, p.ingestionId, p.acceptedAs!]))],
    before: null,
    after: { accepted: proposals.map((p) => ({ id: p.id, acceptedAs: p.acceptedAs })) },
  });
  return { ops, changes, proposals };
}

/** Spans the stored evidence does not yet hold (same source and quote). */
function newSpans(spans: readonly SpanRecord[], held: readonly EvidenceRecord[], sourceId: string): SpanRecord[] {
  return spans.filter((s) => !held.some((e) => e.sourceId === sourceId && e.quote === s.quote));
}

function evidenceOf(span: SpanRecord, sourceId: string, confidence: Confidence): EvidenceRecord {
  return { sourceId, quote: span.quote, confidence, start: span.start, end: span.end };
}

/** The first free id of `base`, `base-2`, ... that neither the store nor this plan holds. */
async function freeId(base: string, reserved: Set<string>, lookup: (ids: string[]) => Promise<readonly unknown[]>): Promise<string> {
  const id = await firstFreeId(base, async (ids) => (await lookup(ids)).map((x, i) => x !== null || reserved.has(ids[i]!)));
  reserved.add(id);
  return id;
}
