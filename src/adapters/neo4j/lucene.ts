/**
 * The full-text candidate query: every query token as a required prefix term. That is the
 * scorer's own match rule (every query token is a prefix of some entity token, see
 * src/search/score.ts), so the index returns exactly the entities the scorer accepts.
 */

// Tokens from src/search/normalize are letters and digits only; escaping is a second line of
// defence should that ever change, so a token can never become Lucene syntax.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

// Lucene's whitespace tokenizer splits terms longer than 255 characters. A shorter prefix only
// widens the candidates; the scorer still applies the exact rule, so answers do not change.
const MAX_PREFIX_CODE_POINTS = 100;

export function prefixQuery(tokens: readonly string[]): string {
  return tokens
    .map((t) => [...t].slice(0, MAX_PREFIX_CODE_POINTS).join(''))
    .map((t) => `+${t.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}*`)
    .join(' ');
}

/**
 * One whole value of a keyword-analysed index (./citation-cypher) as a query: quoted, so no
 * character of it is Lucene syntax, and the keyword analyzer takes the quoted text as one term.
 */
export function exactTermQuery(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
