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
    const base = block.index;
    const raw = block[0];
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
  return out;
}
