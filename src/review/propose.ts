import { compareStrings } from '../domain/compare';
import { Direction, RelationshipType } from '../domain/enums';
import { badInput } from '../domain/errors';
import { locateQuote } from '../domain/quote-span';
import type { RelationshipRecord } from '../domain/records';
import {
  ProposalKind,
  ProposalStatus,
  type ContradictionRecord,
  type ProposalRecord,
  type ProposedRelationshipPayload,
  type SpanRecord,
} from '../domain/review';
import type { Extraction, ProposedSpan } from '../ingest/extraction';
import type { GraphStore } from '../ports/graph-store';
import { normalizeName } from '../search/normalize';

/** Most stored relationships of one entity a filing compares its proposals with. */
const COMPARED_PER_ENTITY = 1000;

/**
 * The proposals of one extraction, as filed: entities first (ids `<ingestion>-e0001`, ...), then
 * relationships (`-r0001`), so an ingestion's proposals list in that order. An entity's
 * `existingId` is kept only when that entity exists and is of the same kind; a relationship is
 * then compared with what is stored (see assess).
 */
export async function proposalsFor(store: GraphStore, extraction: Extraction, ingestionId: string): Promise<ProposalRecord[]> {
  const text = extraction.source.text;
  const claimed = extraction.entities.map((e) => e.existingId).filter((id): id is string => id !== null);
  const existing = new Map((await store.getEntities(claimed)).flatMap((e) => (e ? [[e.id, e] as const] : [])));
  const base = { ingestionId, status: ProposalStatus.PENDING, contradiction: null, rejectedReason: null, acceptedAs: null };
  const entities: ProposalRecord[] = extraction.entities.map((e, i) => {
    const resolved = e.existingId === null ? undefined : existing.get(e.existingId);
    return {
      id: `${ingestionId}-e${seq(i)}`,
      ...base,
      resolvesTo: resolved && resolved.kind === e.kind ? resolved.id : null,
      kind: ProposalKind.ENTITY,
      entity: {
        ref: e.ref,
        kind: e.kind,
        name: e.name,
        aliases: [...e.aliases],
        date: e.date ?? null,
        evidence: spans(e.evidence, text, e.ref),
      },
    };
  });
  const relationships: ProposalRecord[] = extraction.relationships.map((r, i) => ({
    id: `${ingestionId}-r${seq(i)}`,
    ...base,
    resolvesTo: null,
    kind: ProposalKind.RELATIONSHIP,
    relationship: {
      ref: r.ref,
      type: r.type,
      from: r.from,
      to: r.to,
      fromId: null,
      toId: null,
      role: r.role,
      onBehalfOf: r.onBehalfOf,
      confidence: r.confidence,
      evidence: spans(r.evidence, text, r.ref),
    },
  }));
  return [...entities, ...(await assess(store, entities, relationships))];
}

/**
 * Compares relationship proposals whose `from` is an existing entity with that entity's stored
 * relationships: one that states the same fact resolves to it (accepting adds the new evidence);
 * a HOLDS_POSITION that disagrees with a stored one (another organization or another role) is
 * flagged as a contradiction, with the stored fact's quote, for the reviewer to judge.
 */
export async function assess(store: GraphStore, entities: readonly ProposalRecord[], relationships: readonly ProposalRecord[]): Promise<ProposalRecord[]> {
  const byRef = new Map(entities.flatMap((p) => (p.kind === ProposalKind.ENTITY ? [[p.entity.ref, p.resolvesTo ?? p.acceptedAs] as const] : [])));
  const existingEnd = (ref: string | null, id: string | null): string | null => id ?? (ref === null ? null : (byRef.get(ref) ?? null));
  const fromIds = [
    ...new Set(
      relationships.flatMap((p) => (p.kind === ProposalKind.RELATIONSHIP ? [existingEnd(p.relationship.from, p.relationship.fromId) ?? []].flat() : [])),
    ),
  ];
  const stored = new Map<string, readonly RelationshipRecord[]>();
  if (fromIds.length > 0) {
    const pages = await store.relationshipsOf(fromIds, { direction: Direction.OUTGOING }, { first: COMPARED_PER_ENTITY, offset: 0 });
    fromIds.forEach((id, i) => stored.set(id, pages[i]!.items));
  }
  return relationships.map((p) => {
    if (p.kind !== ProposalKind.RELATIONSHIP) return p;
    const r = p.relationship;
    const fromId = existingEnd(r.from, r.fromId);
    const toId = existingEnd(r.to, r.toId);
    const known = fromId === null ? [] : (stored.get(fromId) ?? []).filter((s) => s.type === r.type);
    const same = known.find((s) => s.toId === toId && sameRole(s.role, r.role));
    return { ...p, resolvesTo: same?.id ?? null, contradiction: same ? null : contradictionOf(r, toId, known) };
  });
}

function contradictionOf(r: ProposedRelationshipPayload, toId: string | null, known: readonly RelationshipRecord[]): ContradictionRecord | null {
  if (r.type !== RelationshipType.HOLDS_POSITION) return null;
  const other = [...known]
    .sort((a, b) => compareStrings(a.id, b.id))
    .find((s) => (toId !== null && s.toId !== toId) || (toId === null && r.to !== null) || !sameRole(s.role, r.role));
  const evidence = other?.evidence[0];
  return other && evidence ? { relationshipId: other.id, sourceId: evidence.sourceId, quote: evidence.quote } : null;
}

/** Roles compare as search compares names; an unstated role agrees with any. */
function sameRole(a: string | null, b: string | null): boolean {
  return a === null || b === null || normalizeName(a) === normalizeName(b);
}

function spans(given: readonly ProposedSpan[], text: string, ref: string): SpanRecord[] {
  return given.map((s) => {
    if (locateQuote(text, s.quote, { start: s.start, end: s.end }) === null) {
      throw badInput(`The extraction's evidence for "${ref}" does not mark its quote in the text: "${s.quote.slice(0, 80)}".`);
    }
    return { quote: s.quote, start: s.start, end: s.end };
  });
}

function seq(i: number): string {
  return String(i + 1).padStart(4, '0');
}
