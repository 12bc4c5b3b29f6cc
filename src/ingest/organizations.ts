import type { Vocabulary } from './gazetteer';
import type { Word } from './words';
import { isCapitalised } from './words';

/** Nouns that make a capitalised phrase an organization's name ("Ministry", "Office", "Centre" ...). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'office', 'commission', 'committee', 'bureau', 'program', 'center', 'council', 'agency',
  'institute', 'foundation', 'association', 'coalition', 'network', 'fund', 'organization', 'department',
  'delegation', 'mission', 'embassy', 'parliament', 'mazhilis', 'senate', 'court', 'administration',
  'union', 'service', 'academy', 'university', 'mechanism', 'ombudsman', 'commissioner', 'secretariat',
  'directorate', 'inspectorate', 'prosecutor’s', "prosecutor's", 'bar', 'chamber', 'platform', 'body', 'group',
]);

/** Words of institutions' names that are never a person's name, known before any graph is read. */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set([
  'human', 'rights', 'affairs', 'foreign', 'internal', 'justice', 'health', 'education', 'national', 'republic',
  'united', 'nations', 'development', 'european', 'union', 'international', 'social', 'protection', 'population',
  'labor', 'public', 'state', 'general', 'supreme', 'constitutional', 'regional', 'federal', 'ministry', 'kazakhstan',
  'children', 'child', 'women', 'migration', 'criminal', 'executive', 'system', 'cooperation', 'security', 'europe',
  'democratic', 'institutions', 'legal', 'policy', 'research', 'media', 'presidential', 'prosecutor', 'prosecutors',
]);

/** Small words allowed inside a name, when a capitalised word follows them. */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'on', 'under', 'against', 'in', 'and', 'to', '&']);

/** Words that begin a title ("Deputy Head of ..."), never an organization's name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'deputy', 'vice', 'first', 'acting', 'executive', 'head', 'director', 'chairman', 'chairperson', 'chair',
  'minister', 'ambassador', 'senator', 'judge', 'adviser', 'advisor', 'representative', 'analyst', 'secretary',
  'member', 'coordinator', 'officer', 'spokesperson', 'counsellor', 'president', 'regional', 'special', 'senior', 'chief',
]);

const NOT_NAME_START: ReadonlySet<string> = new Set(['the', 'a', 'an', 'in', 'on', 'this', 'these', 'it', 'during', 'speaking', 'representatives', 'participants', 'background']);

export interface OrgSpan {
  readonly first: number;
  /** Index of the last word, inclusive. */
  readonly last: number;
}

/**
 * Capitalised phrases that contain an organization head noun: "Ministry of Justice of the Republic
 * of Kazakhstan", "OSCE Programme Office in Astana", "Legal Policy Research Centre". After the head,
 * a capitalised word joins only through a connector or when organizations use it (`vocabulary`),
 * so "National Centre for Human Rights Saltanat Tursynbekova" stops before the person.
 */
export function organizationSpans(text: string, words: readonly Word[], vocabulary: Vocabulary): OrgSpan[] {
  const spans: OrgSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const after = words[i + 1];
    // "Programme Analyst": a head followed by a title word is part of the title.
    if (!isCapitalised(w) || NOT_NAME_START.has(w.norm) || TITLE_WORDS.has(w.norm) || (ORG_HEADS.has(w.norm) && after && TITLE_WORDS.has(after.norm))) {
      i++;
      continue;
    }
    let j = i;
    let headAt = ORG_HEADS.has(w.norm) ? i : -1;
    let lastGood = headAt >= 0 ? i : -1;
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      if (!/^ +$/.test(text.slice(words[j]!.end, next.start))) break;
      if (isCapitalised(next) && !CONNECTORS.has(next.norm)) {
        if (headAt >= 0 && !vocabulary.has(next.norm) && !INSTITUTION_WORDS.has(next.norm) && !ORG_HEADS.has(next.norm) && endsInName(text, words, j + 1)) break;
        j++;
        if (ORG_HEADS.has(next.norm)) headAt = j;
        if (headAt >= 0) lastGood = j;
        continue;
      }
      if (CONNECTORS.has(next.norm) && j + 2 < words.length && headAt >= 0) {
        let k = j + 1;
        while (k < words.length && CONNECTORS.has(words[k]!.norm) && !isCapitalised(words[k]!) && /^ +$/.test(text.slice(words[k - 1]!.end, words[k]!.start))) k++;
        const after = words[k];
        if (k - j > 3 || !after || !/^ +$/.test(text.slice(words[k - 1]!.end, after.start)) || !isCapitalised(after) || TITLE_WORDS.has(after.norm) || NOT_NAME_START.has(after.norm)) break;
        // "and" joins two names of one body only when no second body starts there.
        if (words[j + 1]!.norm === 'and' && (ORG_HEADS.has(after.norm) || ORG_HEADS.has(words[j]!.norm) || k > j + 2 || /^\p{Lu}{2,}s?$/u.test(after.surface))) break;
        j = k;
        if (ORG_HEADS.has(after.norm)) headAt = j;
        if (headAt >= 0) lastGood = j;
        continue;
      }
      break;
    }
    if (lastGood >= 0) {
      spans.push({ first: i, last: lastGood });
      i = lastGood + 1;
    } else i = j + 1;
  }
  return spans;
}

/**
 * Whether the capitalised run from word `i` is a person's name closing the phrase: one or two
 * words (or an initial and a surname), then punctuation or a lower-case word. "... for Human Rights
 * Saltanat Tursynbekova," ends in a name; "... and Social Protection of the Population" does not.
 */
function endsInName(text: string, words: readonly Word[], i: number): boolean {
  let n = 0;
  for (let k = i; k < words.length && isCapitalised(words[k]!) && !CONNECTORS.has(words[k]!.norm); k++) {
    n++;
    if (k + 1 >= words.length || !/^ +$/.test(text.slice(words[k]!.end, words[k + 1]!.start))) break;
  }
  const next = words[i + n];
  const closes = !next || !/^ +$/.test(text.slice(words[i + n - 1]!.end, next.start)) || !CONNECTORS.has(next.norm);
  return n >= 1 && n <= 2 && closes;
}
