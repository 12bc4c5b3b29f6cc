import type { Word } from './words';
import { isCapitalised } from './words';

/** Words a title is made of: at least one core ("Minister", "Head"), any number of modifiers. */
const CORES: ReadonlySet<string> = new Set([
  'minister', 'ambassador', 'head', 'director', 'chairman', 'chairperson', 'chair', 'president', 'senator',
  'judge', 'commissioner', 'adviser', 'advisor', 'representative', 'analyst', 'prosecutor', 'secretary',
  'member', 'coordinator', 'officer', 'spokesperson', 'counsellor', 'rector', 'ombudsman', 'envoy', 'deputy',
]);
const MODIFIERS: ReadonlySet<string> = new Set([
  'deputy', 'vice', 'first', 'acting', 'executive', 'special', 'regional', 'senior', 'chief', 'foreign', 'prime',
  'general', 'program', 'permanent', 'managing',
]);
// Lower-case cores that still make a title, after an article: "a member of", "the head of".
const LOWER_CORES: ReadonlySet<string> = new Set(['member', 'head', 'chairman', 'chairperson']);

export interface TitleSpan {
  /** Word indexes of the title's words, inclusive: "Deputy Minister" of "Deputy Minister of Justice". */
  readonly first: number;
  readonly coreLast: number;
  /** Last word of the whole phrase with its "of ..." tail, which may run into a name after it. */
  readonly last: number;
}

const ORG_HEAD_AFTER_TITLE: ReadonlySet<string> = new Set(['office', 'ministry', 'bureau', 'agency', 'service', 'department']);

const head = (w: Word): string => w.norm.split(' ')[0]!;

/** The title that starts at word `i`, if one does. */
export function titleAt(
  text: string,
  words: readonly Word[],
  i: number,
  personEndingAt: (k: number) => number | null = () => null,
  institutional: (w: Word) => boolean = () => false,
): TitleSpan | null {
  let j = i;
  let core = false;
  while (j < words.length) {
    const w = words[j]!;
    const h = head(w);
    const lowerOk = !isCapitalised(w) && LOWER_CORES.has(h) && j === i && /\b(a|the)\s+$/i.test(text.slice(Math.max(0, w.start - 5), w.start));
    if (!(isCapitalised(w) || lowerOk) || !(CORES.has(h) || MODIFIERS.has(h))) break;
    if (j > i && !/^ +$/.test(text.slice(words[j - 1]!.end, w.start))) break;
    if (CORES.has(h)) core = true;
    j++;
  }
  if (!core) return null;
  // A lone "Deputy"/"General" is not a title; "Deputy" alone is one only in the source's own "First Deputy".
  const coreLast = j - 1;
  if (!CORES.has(head(words[coreLast]!)) && head(words[coreLast]!) !== 'general') return null;
  // "General Prosecutor's Office", "Commissioner's Office": the name of a body, not a title.
  const after = words[j];
  if (after && ORG_HEAD_AFTER_TITLE.has(after.norm) && /^ +$/.test(text.slice(words[coreLast]!.end, after.start))) return null;
  let last = coreLast;
  let k = coreLast + 1;
  while (k < words.length && /^ +$/.test(text.slice(words[k - 1]!.end, words[k]!.start))) {
    const w = words[k]!;
    // "and" continues a title only inside an institution's name ("Labour and Social Protection").
    if (w.norm === 'and' && !institutional(words[k - 1]!)) break;
    if (['of', 'for', 'to', 'the', 'on', 'under', 'against', 'and', 'in'].includes(w.norm) && !isCapitalised(w)) {
      k++;
      continue;
    }
    if (!isCapitalised(w)) break;
    // A known name closes the title: "Deputy Foreign Minister Roman Vassilenko and the Head of ...".
    const personEnd = personEndingAt(k);
    if (personEnd !== null) {
      last = personEnd;
      break;
    }
    last = k;
    k++;
  }
  return { first: i, coreLast, last };
}

/** The organization a title implies when it names none: "Deputy Minister of Foreign Affairs" -> the foreign ministry. */
export function impliedOrganization(role: string): string | null {
  const minister = /\bMinister of (.+)$/.exec(role);
  if (minister) return `Ministry of ${minister[1]!}`;
  if (/\bForeign Minister\b/.test(role)) return 'Ministry of Foreign Affairs';
  const named = /\b(Justice|Health|Education|Defen[cs]e|Finance|Interior|Labour|Labor|Culture|Energy) Minister\b/.exec(role);
  if (named) return `Ministry of ${named[1]!}`;
  if (/\bProsecutor General\b/.test(role)) return 'General Prosecutor’s Office';
  if (/^Senator$/.test(role)) return 'Senate';
  return null;
}
