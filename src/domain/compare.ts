import type { CitationRecord } from './records';

/**
 * Code-point string order: the order Cypher's ORDER BY uses, unlike localeCompare and unlike
 * JavaScript's `<`, which compares UTF-16 code units and so puts astral characters (surrogate
 * pairs) before U+E000..U+FFFF. Every sort both stores must agree on goes through here. For
 * partial dates it also puts 2013 before 2013-05.
 */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Move surrogates (D800-DFFF) above E000-FFFF, where their code points belong.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Nulls last, whatever the direction of the rest. */
export function compareNullableStrings(a: string | null, b: string | null, descending = false): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? compareStrings(b, a) : compareStrings(a, b);
}

/**
 * The order of a source's citations: by quote position (start, then end), then holder id, entities
 * before relationships. Two items of one holder at the same span keep their order in its evidence
 * list: sort with this (Array#sort is stable) over items taken in that order.
 */
export function compareCitations(a: CitationRecord, b: CitationRecord): number {
  return (
    a.evidence.start - b.evidence.start ||
    a.evidence.end - b.evidence.end ||
    compareStrings(a.holderId, b.holderId) ||
    compareStrings(a.holderKind, b.holderKind)
  );
}
