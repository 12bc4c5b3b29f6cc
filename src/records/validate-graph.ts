import { locateQuote } from '../domain/quote-span';
import type { LineProblem, LocatedLine } from './record-lines';
import type { EvidenceLine } from './record-schema';

/** What the lines may refer to beyond themselves (an import into a non-empty store). */
export interface KnownIds {
  readonly entityIds: ReadonlySet<string>;
  /** Source id -> full text, for checking quotes. */
  readonly sourceTexts: ReadonlyMap<string, string>;
}

export const NO_KNOWN_IDS: KnownIds = { entityIds: new Set(), sourceTexts: new Map() };

/**
 * Cross-record checks: unique ids, references that resolve, quotes found verbatim in their
 * source's text (at their start/end offsets, when given). `sourceTexts` must hold the text of
 * every source line (resolved textFile).
 */
export function validateGraph(
  lines: readonly LocatedLine[],
  sourceTexts: ReadonlyMap<string, string>,
  known: KnownIds = NO_KNOWN_IDS,
): LineProblem[] {
  const problems: LineProblem[] = [];
  const problem = (l: LocatedLine, message: string): void => {
    problems.push({ file: l.file, lineNo: l.lineNo, recordId: l.value.id, message });
  };

  const firstSeen = new Map<string, LocatedLine>();
  for (const l of lines) {
    const key = `${l.value.record}:${l.value.id}`;
    const earlier = firstSeen.get(key);
    if (earlier) problem(l, `duplicate ${l.value.record} id "${l.value.id}" (first defined at line ${earlier.lineNo})`);
    else firstSeen.set(key, l);
  }

  const entityIds = new Set(known.entityIds);
  const texts = new Map(known.sourceTexts);
  for (const [id, text] of sourceTexts) texts.set(id, text);
  for (const l of lines) if (l.value.record === 'entity') entityIds.add(l.value.id);

  const checkEvidence = (l: LocatedLine, evidence: readonly EvidenceLine[]): void => {
    evidence.forEach((e, i) => {
      const text = texts.get(e.sourceId);
      // Offsets that mark the quote prove it verbatim without scanning a long text for it (a bulk load checks a million).
      const marked = text !== undefined && e.start !== undefined && locateQuote(text, e.quote, e) !== null;
      if (text === undefined) problem(l, `evidence[${i}].sourceId "${e.sourceId}" is not a known source id`);
      else if (marked) return;
      else if (!text.includes(e.quote)) {
        problem(l, `evidence[${i}].quote is not found verbatim in source "${e.sourceId}": "${e.quote.slice(0, 120)}"`);
      } else if (e.start !== undefined && e.end !== undefined && locateQuote(text, e.quote, e) === null) {
        const first = locateQuote(text, e.quote);
        problem(
          l,
          `evidence[${i}].start/end ${e.start}..${e.end} do not mark the quote in source "${e.sourceId}" ` +
            `(they hold "${text.slice(e.start, e.end).slice(0, 120)}"); the quote first occurs at ${first?.start}..${first?.end}, ` +
            'or leave start and end out to have them found',
        );
      }
    });
  };

  for (const l of lines) {
    const v = l.value;
    if (v.record === 'entity') checkEvidence(l, v.evidence);
    if (v.record !== 'relationship') continue;
    for (const field of ['fromId', 'toId', 'onBehalfOfId'] as const) {
      const ref = v[field];
      if (ref !== null && !entityIds.has(ref)) problem(l, `${field} "${ref}" is not a known entity id`);
    }
    if (v.startDate && v.endDate && v.endDate < v.startDate) problem(l, `endDate ${v.endDate} is before startDate ${v.startDate}`);
    checkEvidence(l, v.evidence);
  }
  return problems;
}
