import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A sentence of the stored text, with its offsets in it (`text.slice(start, end) === sentence.text`). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Loading the model takes ~150 ms; done once per process, on first use.
let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * Sentences by wink-nlp's English model, mapped back onto the original text: wink gives sentence
 * strings, and each is found from the end of the previous one, so offsets are those of the text
 * as stored. A blank line always ends a sentence (datelines and headings have no full stop).
 */
export function splitSentences(text: string): Sentence[] {
  nlp ??= winkNLP(model);
  const out: Sentence[] = [];
  const blocks = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let block = blocks.exec(text); block; block = blocks.exec(text)) {
    // wink's tokenizer takes time in the square of a word's length (a 20,000-character run of
    // letters and digits: ~3 s), so a run no word is that long stands alone, between pieces wink reads.
    const longRuns = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');
    let from = 0;
    for (let run = longRuns.exec(block[0]); run; run = longRuns.exec(block[0])) {
      readPiece(nlp, text, block.index + from, block[0].slice(from, run.index), out);
      out.push({ text: run[0], start: block.index + run.index, end: block.index + run.index + run[0].length });
      from = run.index + run[0].length;
    }
    readPiece(nlp, text, block.index + from, block[0].slice(from), out);
  }
  return out;
}

/** Longer than any word or name: URLs and hashes aside, English has none near it. */
const MAX_WORD_CHARS = 200;

function readPiece(nlp: ReturnType<typeof winkNLP>, text: string, base: number, raw: string, out: Sentence[]): void {
  if (raw.trim() === '') return;
  let cursor = 0;
  for (const s of nlp.readDoc(raw).sentences().out()) {
    const at = raw.indexOf(s, cursor);
    if (at < 0 || s.trim() === '') continue;
    cursor = at + s.length;
    const prev = out.at(-1);
    // An initial or an honorific is no sentence end ("Р. Vassilenko", "Mr. Karin"), whatever the model thought.
    if (prev && prev.end > base && /(?:^|[\s(])(?:\p{Lu}|Mr|Ms|Mrs|Dr)\.$/u.test(prev.text)) {
      out[out.length - 1] = { text: text.slice(prev.start, base + cursor), start: prev.start, end: base + cursor };
    } else out.push({ text: s, start: base + at, end: base + cursor });
  }
}
