import { EntityKind, type Confidence } from '../domain/enums';
import { normalizeName } from '../search/normalize';
import { eventDate } from './dates';
import { findEvent } from './event';
import type { Extraction, ProposedEntity, ProposedRelationship, ProposedSpan } from './extraction';
import type { Gazetteer } from './gazetteer';
import { findMentions, type DocActor } from './mentions';
import { findRelations } from './relations';
import { splitSentences } from './sentences';
import { wordsOf } from './words';

/** A document as stored: its text exactly as kept, with what is known of it. */
export interface IngestDocument {
  readonly text: string;
  readonly title: string;
  readonly publishedAt?: string | null;
  readonly publisher?: string | null;
  readonly url?: string | null;
}

const EVENT_REF = 'event';
const RANK: Record<Confidence, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };
const MAX_EVIDENCE = 3;

/**
 * Proposes the facts of one document (issue 11): the event it reports, its persons and
 * organizations (resolved against `gazetteer` where known), and CHAIRED, SPOKE_AT, ATTENDED,
 * OBSERVES, HOSTED, HOLDS_POSITION and MEMBER_OF, each with verbatim spans of `doc.text`.
 * Synchronous and pure: the gazetteer is built beforehand (buildGazetteer), so one gazetteer
 * serves a whole folder.
 */
export function extractDocument(doc: IngestDocument, gazetteer: Gazetteer): Extraction {
  const { text } = doc;
  const publishedAt = doc.publishedAt ?? null;
  const sentences = splitSentences(text);
  const words = wordsOf(text);
  const { mentions, titles, actors } = findMentions(text, words, gazetteer);
  const event = findEvent(sentences, gazetteer);
  const found = findRelations(text, sentences, mentions, titles, event);

  const span = (start: number, end: number): ProposedSpan => {
    let a = start;
    let b = end;
    while (a < b && /[\s,;]/.test(text[a]!)) a++;
    while (b > a && /[\s,;]/.test(text[b - 1]!)) b--;
    return { quote: text.slice(a, b), start: a, end: b };
  };

  const refs = new Map<DocActor, string>();
  const used = new Set<string>();
  const refOf = (a: DocActor): string => {
    let ref = refs.get(a);
    if (!ref) {
      const base = `${a.kind === EntityKind.PERSON ? 'person' : 'org'}:${a.existingId ?? (normalizeName(a.name).replace(/ /g, '-') || 'unnamed')}`;
      ref = base;
      for (let n = 2; used.has(ref); n++) ref = `${base}-${n}`;
      used.add(ref);
      refs.set(a, ref);
    }
    return ref;
  };

  const relationships = new Map<string, ProposedRelationship & { evidence: ProposedSpan[] }>();
  for (const f of found) {
    if (f.to === 'EVENT' && !event) continue;
    const from = refOf(f.from);
    const to = f.to === 'EVENT' ? EVENT_REF : f.to ? refOf(f.to) : null;
    const key = `${f.type}|${from}|${to ?? ''}`;
    const ev = span(f.start, f.end);
    const have = relationships.get(key);
    if (have) {
      if (have.evidence.length < MAX_EVIDENCE && !have.evidence.some((e) => e.start === ev.start)) have.evidence.push(ev);
      if (RANK[f.confidence] > RANK[have.confidence]) relationships.set(key, { ...have, confidence: f.confidence });
      continue;
    }
    relationships.set(key, {
      ref: `rel-${relationships.size + 1}`,
      type: f.type,
      from,
      to,
      role: f.role,
      onBehalfOf: f.onBehalfOf ? refOf(f.onBehalfOf) : null,
      confidence: f.confidence,
      evidence: [ev],
      ...(f.reviewNote ? { reviewNote: f.reviewNote } : {}),
    });
  }

  const entities: ProposedEntity[] = [];
  if (event) {
    const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
    const date = eventDate(firstLine, event.sentence.text, publishedAt);
    entities.push({
      ref: EVENT_REF,
      kind: EntityKind.EVENT,
      name: event.name,
      aliases: [],
      existingId: event.existingId,
      date: date.date,
      dateFrom: date.from,
      evidence: [span(event.start, event.end)],
    });
  }
  for (const a of actors) {
    const inRelation = refs.has(a);
    if (a.skip && !inRelation) continue;
    const seen = mentions.filter((m) => m.actor === a).slice(0, MAX_EVIDENCE).map((m) => span(m.start, m.end));
    // An organization only a title implies is quoted by that title.
    const evidence = seen.length > 0 ? seen : titles.filter((t) => t.org === a).slice(0, 1).map((t) => span(t.start, t.end));
    if (evidence.length === 0) continue;
    entities.push({
      ref: refOf(a),
      kind: a.kind,
      name: a.name,
      aliases: [...a.aliases].filter((x) => x !== a.name).sort(),
      existingId: a.existingId,
      resolvedBy: a.resolvedBy,
      evidence,
    });
  }
  const known = new Set(entities.map((e) => e.ref));
  const rels = [...relationships.values()].filter(
    (r) => (r.from === null || known.has(r.from)) && (r.to === null || known.has(r.to)) && (r.onBehalfOf === null || known.has(r.onBehalfOf)),
  );
  return {
    source: { title: doc.title, publishedAt, text },
    entities,
    relationships: rels.map((r, i) => ({ ...r, ref: `rel-${i + 1}` })),
  };
}

