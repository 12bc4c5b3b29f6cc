import type { SourceRecord } from '../domain/records';
import type { DateStrings } from './dates';
import type { EntityPlan, Layout } from './entity-plan';
import type { RelationshipPlan } from './plan-writer';
import { entitySentence, relationshipSentence, type SentenceContext } from './sentences';

/**
 * The synthetic sources: one press release per event (1-8 KB: every participation, discussion,
 * approval and law mention of that meeting) and registers of the other entities in blocks (15-100
 * KB: their positions, memberships and hierarchy). Sentences are appended once and every
 * quote is remembered as an offset into its source, so records can slice their quotes out of
 * the text: V8 keeps such slices as views, not copies.
 */

/** Entities per register source, by kind. */
const BLOCK = { person: 200, org: 200, other: 500 } as const;
const PARAGRAPH = '\n\n';
/** Press-release paragraphs hold this many sentences, as the founding source roughly does. */
const SENTENCES_PER_PARAGRAPH = 6;
const REGISTER_PUBLISHER = 'Synthetic Registry';
const REGISTER_DATE = '2024';

export interface QuoteSpans {
  readonly start: Int32Array;
  readonly length: Uint16Array;
}

export interface Corpus {
  readonly sources: readonly SourceRecord[];
  /** Where each entity's and relationship's sentence lies in the text of sourceOf(owner). */
  readonly entityQuotes: QuoteSpans;
  readonly relationshipQuotes: QuoteSpans;
  /** For events, the "date ..." line that opens the release. */
  readonly eventDateQuoteLength: Uint16Array;
  sourceOf(g: number): number;
}

interface Register {
  readonly first: number;
  readonly end: number;
  readonly block: number;
  readonly slug: string;
  readonly noun: string;
}

export function buildCorpus(plan: EntityPlan, rels: RelationshipPlan, names: readonly string[], dates: DateStrings): Corpus {
  const l = plan.layout;
  const events = l.law - l.event;
  const registers: Register[] = [
    { first: l.person, end: l.org, block: BLOCK.person, slug: 'people', noun: 'persons' },
    { first: l.org, end: l.event, block: BLOCK.org, slug: 'orgs', noun: 'organizations' },
    { first: l.law, end: l.topic, block: BLOCK.other, slug: 'laws', noun: 'laws' },
    { first: l.topic, end: l.document, block: BLOCK.other, slug: 'topics', noun: 'topics' },
    { first: l.document, end: l.total, block: BLOCK.other, slug: 'documents', noun: 'documents' },
  ];
  const registerStart: number[] = [];
  let sourceCount = events;
  for (const r of registers) {
    registerStart.push(sourceCount);
    sourceCount += Math.ceil((r.end - r.first) / r.block);
  }
  const sourceOf = (g: number): number => {
    if (g >= l.event && g < l.law) return g - l.event;
    const k = registers.findIndex((r) => g >= r.first && g < r.end);
    const r = registers[k]!;
    return registerStart[k]! + Math.floor((g - r.first) / r.block);
  };

  const owned = ownerIndex(rels, l);
  const context: SentenceContext = { plan, rels, names, dates };
  const entityQuotes: QuoteSpans = { start: new Int32Array(l.total), length: new Uint16Array(l.total) };
  const relationshipQuotes: QuoteSpans = { start: new Int32Array(rels.count), length: new Uint16Array(rels.count) };
  const eventDateQuoteLength = new Uint16Array(events);
  const text = new TextBuilder();
  const sources: SourceRecord[] = [];

  const writeOwner = (g: number, perParagraph: number): void => {
    const sentence = entitySentence(context, g);
    entityQuotes.start[g] = text.sentence(sentence);
    entityQuotes.length[g] = sentence.length;
    for (let k = owned.start[g]!, n = 0; k < owned.start[g + 1]!; k++, n++) {
      const r = owned.order[k]!;
      text.raw(perParagraph > 0 && n % perParagraph === 0 ? PARAGRAPH : ' ');
      const s = relationshipSentence(context, r);
      relationshipQuotes.start[r] = text.sentence(s);
      relationshipQuotes.length[r] = s.length;
    }
  };

  for (let e = 0; e < events; e++) {
    const g = l.event + e;
    const host = plan.eventHost[e]!;
    const publisher = host >= 0 ? `Press service of ${names[l.org + host]}` : 'Synthetic press service';
    const iso = dates.isoOf(plan.eventDate[e]!)!;
    const dateLine = `date ${iso}`;
    text.raw(dateLine);
    eventDateQuoteLength[e] = dateLine.length;
    text.raw(` | ${publisher}${PARAGRAPH}`);
    writeOwner(g, SENTENCES_PER_PARAGRAPH);
    const n = e + 1;
    sources.push({
      id: `syn-s-event-${n}`,
      title: `Press release: ${names[g]}`,
      publisher,
      publishedAt: iso,
      url: n % 2 === 0 ? `https://example.org/synthetic/releases/${n}` : null,
      text: text.take(),
    });
  }

  for (const r of registers) {
    for (let first = r.first, part = 1; first < r.end; first += r.block, part++) {
      text.raw(`Synthetic register of ${r.noun}, part ${part}. Every name in it is invented.`);
      for (let g = first; g < Math.min(r.end, first + r.block); g++) {
        text.raw(PARAGRAPH);
        writeOwner(g, 0);
      }
      sources.push({
        id: `syn-s-${r.slug}-${part}`,
        title: `Synthetic register of ${r.noun}, part ${part}`,
        publisher: REGISTER_PUBLISHER,
        publishedAt: REGISTER_DATE,
        url: null,
        text: text.take(),
      });
    }
  }
  return { sources, entityQuotes, relationshipQuotes, eventDateQuoteLength, sourceOf };
}

/** Relationships grouped by owner entity (a counting sort that keeps plan order within an owner). */
function ownerIndex(rels: RelationshipPlan, layout: Layout): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(layout.total + 1);
  for (let r = 0; r < rels.count; r++) {
    const slot = rels.owner[r]! + 1;
    start[slot] = start[slot]! + 1;
  }
  for (let g = 0; g < layout.total; g++) start[g + 1] = start[g + 1]! + start[g]!;
  const next = start.slice(0, layout.total);
  const order = new Int32Array(rels.count);
  for (let r = 0; r < rels.count; r++) {
    const owner = rels.owner[r]!;
    const at = next[owner]!;
    order[at] = r;
    next[owner] = at + 1;
  }
  return { start, order };
}

/** Collects one source's text as parts, joined once; sentences get their full stop here. */
class TextBuilder {
  private parts: string[] = [];
  private length = 0;

  raw(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** Appends "<sentence>." and returns where the sentence starts. */
  sentence(s: string): number {
    const at = this.length;
    this.raw(s);
    this.raw('.');
    return at;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}
