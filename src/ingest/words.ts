import { tokenize } from '../search/normalize';

/** A word of the stored text: its offsets, its surface form and its normalised token. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly norm: string;
}

// Letters with their marks, digits, and word-internal apostrophes and hyphens ("Prosecutor’s", "Kassym-Jomart").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[’'-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?/gu;

/** The words of `text` from `offset` on, offsets in the whole text. A trailing "." is kept only on initials ("R."). */
export function wordsOf(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let surface = m[0];
    if (surface.endsWith('.') && !/^\p{Lu}\.$|^(Mr|Ms|Mrs|Dr)\.$/u.test(surface)) surface = surface.slice(0, -1);
    const start = offset + m.index;
    out.push({ start, end: start + surface.length, surface, norm: tokenize(surface).join(' ') });
  }
  return out;
}

export const isCapitalised = (w: Word): boolean => /^\p{Lu}/u.test(w.surface);
export const isInitial = (w: Word): boolean => /^\p{Lu}\.$/u.test(w.surface);
