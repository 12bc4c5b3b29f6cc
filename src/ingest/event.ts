import { EntityKind } from '../domain/enums';
import { normalizeName } from '../search/normalize';
import type { Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';

/** The event the document reports: its name as written, where, and the known event it is, if any. */
export interface EventMention {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: Sentence;
  readonly existingId: string | null;
}

export const EVENT_NOUNS =
  'round table|roundtable|meeting|seminar|conference|forum|workshop|briefing|consultation|dialogue|public hearings|hearings|hearing|session|training session|training|panel discussion|panel|webinar|summit|event|discussion';

// "the concluding meeting of the Consultative and Advisory Body "Dialogue ..."": article, up to
// six lower- or upper-case modifiers, the noun, and an "of/on ..." tail to the next comma or clause
// ("the first meeting in 2024 of ...": a year between the noun and its tail stays in the name).
const NAMED_EVENT = new RegExp(
  `\\b(?:the|a|an|its|held|hosted|organi[sz]ed|convened)\\s+((?:(?!(?:the|a|an|its|of|on|at|by|hosted|co-hosted|held|organi[sz]ed|convened|chaired)\\b)[\\p{L}\\d’'\\-]+\\s+){0,5}?(?:${EVENT_NOUNS})\\b(?:\\s+in\\s+\\d{4}(?=\\s+(?:of|on|between|for)\\b))?(?:\\s+(?:of|on|between|for)\\b[^,.;()]*?)?)(?=\\s*(?:[,.;(]|\\s(?:chaired|hosted|held|took|was|at|in|which|with|co-chaired|moderated|attended|organi[sz]ed|brought|featured|devoted|dedicated)\\b|$))`,
  'iu',
);
const EVENT_VERB = /\b(?:hosted|co-hosted|held|organi[sz]ed|convened|took place|chaired|co-chaired|briefed)\b/i;

/** The first sentence that names an event with a hosting or holding verb, and the event's phrase in it. */
export function findEvent(sentences: readonly Sentence[], gazetteer: Gazetteer): EventMention | null {
  for (const s of sentences) {
    if (!EVENT_VERB.test(s.text)) continue;
    const m = NAMED_EVENT.exec(s.text);
    if (!m || m[1]!.split(/\s+/).length < 1) continue;
    const phrase = m[1]!.trim();
    const start = s.start + m.index + m[0].indexOf(phrase);
    const known = gazetteer.byForm(normalizeName(phrase)).filter((e) => e.kind === EntityKind.EVENT);
    return { name: phrase.charAt(0).toUpperCase() + phrase.slice(1), start, end: start + phrase.length, sentence: s, existingId: known.length === 1 ? known[0]!.id : null };
  }
  return null;
}

/** Words that refer back to the event in later sentences ("The round table was attended by ..."). */
export const EVENT_REFERENCE = new RegExp(`\\b(?:the|this|that)\\s+(?:[\\p{L}\\-]+\\s+){0,2}?(?:${EVENT_NOUNS})\\b|^\\s*It\\b`, 'iu');
