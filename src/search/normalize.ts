/**
 * Name normalisation shared by both stores, so "Р. Vassilenko" (Cyrillic Р), "r. vassilenko" and
 * "R. Vassilenko" all reduce to the same tokens wherever they are compared.
 */

// Cyrillic letters that print like Latin ones; press releases mix them by accident.
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
};

// British/American and other common spelling variants, folded to one form.
const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  centre: 'center', centres: 'centers', programme: 'program', programmes: 'programs',
  organisation: 'organization', organisations: 'organizations', defence: 'defense',
  labour: 'labor', behaviour: 'behavior', counselling: 'counseling', judgement: 'judgment',
  licence: 'license', offence: 'offense', offences: 'offenses', emphasise: 'emphasize',
};

/** Words left out of acronyms ("Office of the ..." -> "O..."). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'the', 'to', 'under', 'with',
]);

function foldCharacters(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const ch of lower) out += CYRILLIC_LOOKALIKES[ch] ?? ch;
  // NFKD splits accents off their letters; the marks are then dropped with the punctuation.
  return out.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** Lower-case, accent-free, look-alike-folded word tokens, spelling variants unified. */
export function tokenize(text: string): string[] {
  return foldCharacters(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => SPELLING_VARIANTS[t] ?? t);
}

/** The comparable form of a whole name: its tokens joined by single spaces. */
export function normalizeName(text: string): string {
  return tokenize(text).join(' ');
}

/** Initial letters of the significant words, when there are at least two of them. */
export function acronymOf(text: string): string | null {
  const words = tokenize(text).filter((t) => !STOPWORDS.has(t));
  if (words.length < 2) return null;
  return words.map((w) => w[0]).join('');
}
