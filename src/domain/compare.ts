/**
 * Code-unit string order: the order Cypher's ORDER BY uses, unlike localeCompare. Every sort that
 * both stores must agree on goes through here. For partial dates it also puts 2013 before 2013-05.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Nulls last, whatever the direction of the rest. */
export function compareNullableStrings(a: string | null, b: string | null, descending = false): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? compareStrings(b, a) : compareStrings(a, b);
}
