import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from 'neo4j-driver';
import { CONFIDENCES, ENTITY_KINDS, ORG_TYPES, type Confidence, type EntityKind, type OrgType } from '../../domain/enums';
import type { CitationRecord, EntityRecord, EvidenceRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import { buildSearchDoc, searchText } from '../../search/search-doc';
import { int } from './driver';
import { relationshipTypeOf } from './labels';

/**
 * Records <-> Neo4j properties. Properties cannot hold maps, so evidence is kept as parallel lists
 * (evidenceSourceIds, evidenceQuotes, evidenceConfidences, evidenceStarts, evidenceEnds; the
 * offsets are integers, JavaScript string indices), which stay readable in Neo4j Browser. A null field is simply an absent property. Relationship type and ends live in the graph
 * itself, not in properties. `searchText` and `nameForm` are derived (src/search) and only read by
 * queries, never mapped back.
 */

export type Props = Record<string, unknown>;

/** A relationship as the read queries project it. */
export interface RelationshipRow {
  readonly type: string;
  readonly fromId: string;
  readonly toId: string;
  readonly props: Props;
}

export function entityToProps(e: EntityRecord): Props {
  const doc = buildSearchDoc(e.name, e.aliases);
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: [...e.aliases],
    description: e.description,
    orgType: e.orgType,
    country: e.country,
    date: e.date,
    searchText: searchText(doc),
    // What nameContains matches: the first non-empty normalised form, as in the embedded store.
    nameForm: doc.forms[0] ?? '',
    ...evidenceToProps(e.evidence),
  };
}

/** Every property relationshipToProps writes, in its order: the bulk create names them one by one. */
export const RELATIONSHIP_PROPERTY_KEYS = [
  'id',
  'role',
  'onBehalfOfId',
  'startDate',
  'endDate',
  'description',
  'evidenceSourceIds',
  'evidenceQuotes',
  'evidenceConfidences',
  'evidenceStarts',
  'evidenceEnds',
] as const;

export function relationshipToProps(r: RelationshipRecord): Props {
  return {
    id: r.id,
    role: r.role,
    onBehalfOfId: r.onBehalfOfId,
    startDate: r.startDate,
    endDate: r.endDate,
    description: r.description,
    ...evidenceToProps(r.evidence),
  };
}

export function sourceToProps(s: SourceRecord): Props {
  return { id: s.id, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt, url: s.url, text: s.text };
}

export function entityFromProps(raw: Props): EntityRecord {
  return entityFromPlain(plainProps(raw));
}

/** entityFromProps of properties already plain (plainValues, toPlain). */
export function entityFromPlain(p: Props): EntityRecord {
  return {
    id: requiredString(p, 'id'),
    kind: oneOf(p, 'kind', ENTITY_KINDS) as EntityKind,
    name: requiredString(p, 'name'),
    aliases: stringList(p, 'aliases'),
    description: optionalString(p, 'description'),
    orgType: optionalOneOf(p, 'orgType', ORG_TYPES) as OrgType | null,
    country: optionalString(p, 'country'),
    date: optionalString(p, 'date'),
    evidence: evidenceFromProps(p),
  };
}

export function relationshipFromRow(row: RelationshipRow): RelationshipRecord {
  return relationshipFromPlain(row.type, row.fromId, row.toId, plainProps(row.props));
}

/** relationshipFromRow of properties already plain (plainValues, toPlain). */
export function relationshipFromPlain(typeName: string, fromId: string, toId: string, p: Props): RelationshipRecord {
  const type = relationshipTypeOf(typeName);
  if (type === null) throw new Error(`relationship ${String(p['id'])} has unknown type ${typeName}`);
  return {
    id: requiredString(p, 'id'),
    type,
    fromId,
    toId,
    role: optionalString(p, 'role'),
    onBehalfOfId: optionalString(p, 'onBehalfOfId'),
    startDate: optionalString(p, 'startDate'),
    endDate: optionalString(p, 'endDate'),
    description: optionalString(p, 'description'),
    evidence: evidenceFromProps(p),
  };
}

export function sourceFromProps(raw: Props): SourceRecord {
  const p = plainProps(raw);
  return {
    id: requiredString(p, 'id'),
    title: requiredString(p, 'title'),
    publisher: optionalString(p, 'publisher'),
    publishedAt: optionalString(p, 'publishedAt'),
    url: optionalString(p, 'url'),
    text: requiredString(p, 'text'),
  };
}

/** A row of ./citation-cypher's CITATIONS_OF, for the source `sourceId`. */
export function citationFromRow(raw: Props, sourceId: string): CitationRecord {
  const p = plainProps(raw);
  const holderKind = oneOf(p, 'holderKind', HOLDER_KINDS) as CitationRecord['holderKind'];
  const [start, end] = [p['start'], p['end']];
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    throw new Error(`${holderKind} ${String(p['holderId'])} has evidence without offsets; run \`npm run migrate -- --force\``);
  }
  return {
    holderKind,
    holderId: requiredString(p, 'holderId'),
    evidence: {
      sourceId,
      quote: requiredString(p, 'quote'),
      confidence: oneOf(p, 'confidence', CONFIDENCES) as Confidence,
      start: start as number,
      end: end as number,
    },
  };
}

const HOLDER_KINDS: readonly CitationRecord['holderKind'][] = ['entity', 'relationship'];

function evidenceToProps(evidence: readonly EvidenceRecord[]): Props {
  return {
    evidenceSourceIds: evidence.map((e) => e.sourceId),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceConfidences: evidence.map((e) => e.confidence),
    // Integers, not the floats a JS number would become: Cypher's substring() takes only integers.
    evidenceStarts: evidence.map((e) => int(e.start)),
    evidenceEnds: evidence.map((e) => int(e.end)),
  };
}

function evidenceFromProps(p: Props): EvidenceRecord[] {
  if (withoutEvidence(p)) return [];
  const sourceIds = stringList(p, 'evidenceSourceIds');
  const quotes = stringList(p, 'evidenceQuotes');
  const confidences = stringList(p, 'evidenceConfidences');
  if (sourceIds.length > 0 && (p['evidenceStarts'] == null || p['evidenceEnds'] == null)) {
    // Written by code older than the offsets, after this database was migrated (./migrate).
    throw new Error(`record ${String(p['id'])} has evidence without offsets; run \`npm run migrate -- --force\``);
  }
  const starts = numberList(p, 'evidenceStarts');
  const ends = numberList(p, 'evidenceEnds');
  if ([quotes, confidences, starts, ends].some((list) => list.length !== sourceIds.length)) {
    throw new Error(`record ${String(p['id'])} has evidence lists of different lengths`);
  }
  return sourceIds.map((sourceId, i) => {
    const confidence = confidences[i] as string;
    if (!(CONFIDENCES as readonly string[]).includes(confidence)) {
      throw new Error(`record ${String(p['id'])} has unknown evidence confidence ${confidence}`);
    }
    return { sourceId, quote: quotes[i] as string, confidence: confidence as Confidence, start: starts[i] as number, end: ends[i] as number };
  });
}

/** The parallel lists evidence is stored in. */
export const EVIDENCE_KEYS = ['evidenceSourceIds', 'evidenceQuotes', 'evidenceConfidences', 'evidenceStarts', 'evidenceEnds'] as const;

/** None of the lists: a read that did not project the evidence (read plans name their columns). */
function withoutEvidence(p: Props): boolean {
  for (const key of EVIDENCE_KEYS) if (p[key] != null) return false;
  return true;
}

/** Driver values to plain JS at the edge, so no Integer or temporal object leaks into records. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Nearly every value read: answered before the six temporal checks below.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function plainProps(p: Props): Props {
  const out: Props = {};
  for (const k in p) out[k] = toPlain(p[k]);
  return out;
}

/** The properties `names` from a list of driver values starting at `from`, made plain in one pass. */
export function plainValues(names: readonly string[], values: readonly unknown[], from = 0): Props {
  const out: Props = {};
  for (let i = 0; i < names.length; i++) out[names[i]!] = toPlain(values[from + i]);
  return out;
}

function requiredString(p: Props, key: string): string {
  const v = p[key];
  if (typeof v !== 'string') throw new Error(`stored record ${String(p['id'])} lacks string property ${key}`);
  return v;
}

function optionalString(p: Props, key: string): string | null {
  const v = p[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new Error(`stored record ${String(p['id'])} has a non-string ${key}`);
  return v;
}

function stringList(p: Props, key: string): string[] {
  const v = p[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new Error(`stored record ${String(p['id'])} has a non-string-list ${key}`);
  }
  return v as string[];
}

function numberList(p: Props, key: string): number[] {
  const v = p[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => Number.isSafeInteger(x))) {
    throw new Error(`stored record ${String(p['id'])} has a non-integer-list ${key}`);
  }
  return v as number[];
}

function oneOf(p: Props, key: string, allowed: readonly string[]): string {
  const v = requiredString(p, key);
  if (!allowed.includes(v)) throw new Error(`stored record ${String(p['id'])} has unknown ${key} ${v}`);
  return v;
}

function optionalOneOf(p: Props, key: string, allowed: readonly string[]): string | null {
  return optionalString(p, key) === null ? null : oneOf(p, key, allowed);
}
