import type { SearchDoc } from './search-doc';
import { tokenize } from './normalize';
import { compareStrings } from '../domain/compare';

/** Rank tiers; higher first. Exact and alias matches outrank partial ones. */
export const SCORE = {
  EXACT_NAME: 100,
  EXACT_ALIAS: 95,
  INITIALS: 85,
  WHOLE_WORDS: 70,
  PREFIXES: 50,
  NONE: 0,
} as const;

export interface SearchQuery {
  readonly form: string;
  readonly tokens: readonly string[];
}

export function parseQuery(text: string): SearchQuery {
  const tokens = tokenize(text);
  return { form: tokens.join(' '), tokens };
}

/**
 * Scores one entity for a query. A match needs every query token to be a prefix of some token
 * of the entity: that rule is what makes a full-text prefix query a faithful candidate filter for
 * the Neo4j adapter, so both stores return the same set and rank it with this one function.
 */
export function scoreDoc(query: SearchQuery, doc: SearchDoc): number {
  if (query.tokens.length === 0) return SCORE.NONE;
  if (!query.tokens.every((q) => doc.tokens.some((t) => t.startsWith(q)))) return SCORE.NONE;
  if (doc.forms[0] === query.form) return SCORE.EXACT_NAME;
  if (doc.forms.includes(query.form)) return SCORE.EXACT_ALIAS;
  if (doc.forms.some((f) => matchesInitials(query.tokens, f.split(' ')))) return SCORE.INITIALS;
  if (query.tokens.every((q) => doc.tokens.includes(q))) return SCORE.WHOLE_WORDS;
  return SCORE.PREFIXES;
}

/**
 * "r vassilenko" against "roman vassilenko": same number of words, single letters stand for the
 * word they begin, and at least one word is given in full.
 */
function matchesInitials(query: readonly string[], form: readonly string[]): boolean {
  if (query.length !== form.length || query.length < 2) return false;
  let full = 0;
  for (let i = 0; i < query.length; i++) {
    const q = query[i] as string;
    const f = form[i] as string;
    if (q.length === 1) {
      if (f[0] !== q) return false;
    } else if (q === f) {
      full++;
    } else {
      return false;
    }
  }
  return full > 0;
}

export interface ScoredEntity {
  readonly score: number;
  readonly name: string;
  readonly id: string;
}

/** The one ranking order: score, then name, then id, so ties never depend on the store. */
export function compareScored(a: ScoredEntity, b: ScoredEntity): number {
  return b.score - a.score || compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}

