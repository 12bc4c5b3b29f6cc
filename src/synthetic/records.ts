import { Confidence, EntityKind, ORG_TYPES, RELATIONSHIP_TYPES } from '../domain/enums';
import { locateEvidence } from '../domain/quote-span';
import type { EntityRecord, EvidenceRecord, RelationshipRecord } from '../domain/records';
import type { Corpus } from './corpus';
import type { DateStrings } from './dates';
import { NO_COUNTRY, type EntityPlan } from './entity-plan';
import { aliasesOf, kindOf } from './names';
import { hash32 } from './random';
import { TYPE, type RelationshipPlan } from './plan-writer';
import { ROLES } from './roles';
import { isInferredWording } from './sentences';
import { COUNTRIES } from './vocabulary';

/** Everything rendering needs; records are built from it one at a time, on demand. */
export interface RenderContext {
  readonly plan: EntityPlan;
  readonly rels: RelationshipPlan;
  readonly corpus: Corpus;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly dates: DateStrings;
}

const SALT_CONFIDENCE = 0xc0f1;
const ESTABLISHED_NOTE = 'The register gives only the year of establishment.';
const WITHIN_NOTE = 'Read from "operates within" in the register.';

function quote(c: RenderContext, sourceIndex: number, start: number, length: number, confidence: Confidence): EvidenceRecord {
  const source = c.corpus.sources[sourceIndex]!;
  const given = { sourceId: source.id, quote: source.text.slice(start, start + length), confidence, start, end: start + length };
  // The corpus remembers where it put each sentence; that place (not an earlier repeat) is the evidence.
  const evidence = locateEvidence(given, source.text);
  if (evidence === null) throw new Error(`synthetic quote at ${start} (+${length}) lies outside source ${source.id}`);
  return evidence;
}

export function entityRecord(c: RenderContext, g: number): EntityRecord {
  const { plan, corpus } = c;
  const l = plan.layout;
  const kind = kindOf(l, g);
  const source = corpus.sourceOf(g);
  const sentence = quote(c, source, corpus.entityQuotes.start[g]!, corpus.entityQuotes.length[g]!, Confidence.HIGH);
  let evidence: EvidenceRecord[] = [sentence];
  let description: string | null = null;
  let orgType: EntityRecord['orgType'] = null;
  let country: string | null = null;
  let date: string | null = null;
  switch (kind) {
    case EntityKind.ORGANIZATION: {
      const j = g - l.org;
      orgType = ORG_TYPES[plan.orgType[j]!]!;
      const code = plan.orgCountry[j]!;
      country = code === NO_COUNTRY ? null : COUNTRIES[code]!;
      break;
    }
    case EntityKind.EVENT: {
      const e = g - l.event;
      date = c.dates.isoOf(plan.eventDate[e]!);
      // As in the founding seed: the meeting date is read from the release's date line.
      evidence = [sentence, quote(c, source, 0, corpus.eventDateQuoteLength[e]!, Confidence.MEDIUM)];
      description = sentence.quote;
      break;
    }
    case EntityKind.LAW:
      date = c.dates.isoOf(plan.lawDate[g - l.law]!);
      break;
    case EntityKind.DOCUMENT:
      date = c.dates.isoOf(plan.documentDate[g - l.document]!);
      break;
    default:
      break;
  }
  const name = c.names[g]!;
  return {
    id: c.ids[g]!,
    kind,
    name,
    aliases: aliasesOf(plan, g, name),
    description,
    orgType,
    country,
    date,
    evidence,
  };
}

export function relationshipId(r: number): string {
  return `syn-r-${r + 1}`;
}

export function relationshipRecord(c: RenderContext, r: number): RelationshipRecord {
  const { rels, corpus, ids, dates } = c;
  const type = rels.type[r]!;
  const role = rels.role[r]!;
  const behalf = rels.onBehalfOf[r]!;
  const inferred = isInferredWording(rels, r);
  const h = hash32(r, SALT_CONFIDENCE) % 1000;
  // A sprinkle of MEDIUM and LOW so confidence filters and displays have something to show.
  const confidence = h < 5 ? Confidence.LOW : inferred || h < 60 ? Confidence.MEDIUM : Confidence.HIGH;
  const evidence = [
    quote(c, corpus.sourceOf(rels.owner[r]!), corpus.relationshipQuotes.start[r]!, corpus.relationshipQuotes.length[r]!, confidence),
  ];
  return {
    id: relationshipId(r),
    type: RELATIONSHIP_TYPES[type]!,
    fromId: ids[rels.from[r]!]!,
    toId: ids[rels.to[r]!]!,
    role: role >= 0 ? ROLES[role]! : null,
    onBehalfOfId: behalf >= 0 ? ids[behalf]! : null,
    startDate: dates.isoOf(rels.start[r]!),
    endDate: dates.isoOf(rels.end[r]!),
    description: type === TYPE.ESTABLISHED ? ESTABLISHED_NOTE : inferred ? WITHIN_NOTE : null,
    evidence,
  };
}
