import { Confidence } from '../../src/domain/enums';
import { locateEvidence, locateQuote } from '../../src/domain/quote-span';

const TEXT = 'He met 😀 the panel; later the panel met again.';
const QUOTE = 'the panel';
const FIRST = TEXT.indexOf(QUOTE);
const LATER = TEXT.lastIndexOf(QUOTE);

describe('locateQuote', () => {
  it('finds the first occurrence, in UTF-16 code units (JavaScript string indices), end exclusive', () => {
    expect(locateQuote(TEXT, QUOTE)).toEqual({ start: FIRST, end: FIRST + QUOTE.length });
    // The emoji before it is two code units: a code-point count would say 9.
    expect(FIRST).toBe(10);
    expect(TEXT.slice(FIRST, FIRST + QUOTE.length)).toBe(QUOTE);
  });

  it('keeps given offsets that mark the quote, a later occurrence too', () => {
    expect(locateQuote(TEXT, QUOTE, { start: LATER, end: LATER + QUOTE.length })).toEqual({ start: LATER, end: LATER + QUOTE.length });
  });

  it.each([
    ['offsets that hold other words', { start: FIRST + 1, end: FIRST + 1 + QUOTE.length }],
    ['an end that does not fit the quote', { start: FIRST, end: FIRST + QUOTE.length + 1 }],
    ['a start without an end', { start: FIRST }],
    ['offsets past the text', { start: 500, end: 509 }],
  ])('refuses %s (null)', (_what, given) => {
    expect(locateQuote(TEXT, QUOTE, given)).toBeNull();
  });

  it('answers null for a quote the text does not hold, and for an empty quote', () => {
    expect(locateQuote(TEXT, 'the jury')).toBeNull();
    expect(locateQuote(TEXT, '')).toBeNull();
  });
});

describe('locateEvidence', () => {
  it('adds the offsets in record field order, or answers null without a text or a place', () => {
    const e = { sourceId: 's', quote: QUOTE, confidence: Confidence.LOW };
    expect(JSON.stringify(locateEvidence(e, TEXT))).toBe(
      JSON.stringify({ sourceId: 's', quote: QUOTE, confidence: 'LOW', start: FIRST, end: FIRST + QUOTE.length }),
    );
    expect(locateEvidence(e, undefined)).toBeNull();
    expect(locateEvidence({ ...e, start: 0, end: 9 }, TEXT)).toBeNull();
  });
});
