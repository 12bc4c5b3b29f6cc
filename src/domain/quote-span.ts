import type { EvidenceRecord } from './records';

/**
 * Where a quote sits in its source's text: UTF-16 code-unit offsets (JavaScript string indices),
 * end exclusive, so `text.slice(start, end) === quote`. Found once, when the evidence is stored,
 * so readers (a page highlighting the quote) never search the text.
 */
export type QuoteSpan = Pick<EvidenceRecord, 'start' | 'end'>;

/** Evidence as a caller or an older store gives it: the offsets may be missing. */
export type UnlocatedEvidence = Omit<EvidenceRecord, 'start' | 'end'> & { readonly start?: number; readonly end?: number };

/**
 * The span of `quote` in `text`. When `given` carries offsets they are kept if they mark the quote
 * (a quote that occurs twice can name the later place) and refused (null) if they do not; without
 * them, the first occurrence. Null also when the text does not hold the quote.
 */
export function locateQuote(text: string, quote: string, given: Partial<QuoteSpan> = {}): QuoteSpan | null {
  const { start, end } = given;
  if (start !== undefined || end !== undefined) {
    return start !== undefined && end !== undefined && text.slice(start, end) === quote && quote !== '' ? { start, end } : null;
  }
  const at = quote === '' ? -1 : text.indexOf(quote);
  return at < 0 ? null : { start: at, end: at + quote.length };
}

/** The evidence with its offsets (see locateQuote), fields in record order; null when they cannot be found. */
export function locateEvidence(evidence: UnlocatedEvidence, text: string | undefined): EvidenceRecord | null {
  const span = text === undefined ? null : locateQuote(text, evidence.quote, evidence);
  if (span === null) return null;
  return { sourceId: evidence.sourceId, quote: evidence.quote, confidence: evidence.confidence, start: span.start, end: span.end };
}
