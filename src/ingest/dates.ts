import * as chrono from 'chrono-node';

export interface EventDate {
  readonly date: string | null;
  readonly from: 'DATELINE' | 'TEXT' | 'PUBLISHED_AT' | null;
}

const ISO = (d: Date): string => d.toISOString().slice(0, 10);
// "date 2023-12-14 ..." or "Astana, 12 February 2024": a first line that begins with the date or a place and a date.
const DATELINE = /^\s*(?:date\s+)?(\d{4}-\d{2}-\d{2})\b|^\s*\p{Lu}[\p{L}\- ]{1,40},\s+(\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4})/u;

/** The date a dateline gives, as YYYY-MM-DD, or null. */
export function datelineDate(firstLine: string): string | null {
  const m = DATELINE.exec(firstLine);
  if (!m) return null;
  if (m[1]) return m[1];
  const parsed = chrono.parseDate(m[2]!);
  return parsed ? ISO(new Date(Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate()))) : null;
}

/**
 * The event's date: the dateline's, else a full date in the event's own sentence (read against the
 * dateline or publication date, so "on 14 December" gets its year), else the publication date.
 */
export function eventDate(firstLine: string, eventSentence: string | null, publishedAt: string | null): EventDate {
  const dateline = datelineDate(firstLine);
  if (dateline) return { date: dateline, from: 'DATELINE' };
  if (eventSentence) {
    const ref = publishedAt ? new Date(`${publishedAt.slice(0, 10)}T12:00:00Z`) : new Date();
    const found = chrono.parse(eventSentence, ref).find((r) => r.start.isCertain('day') && r.start.isCertain('month'));
    if (found) {
      const d = found.start.date();
      return { date: ISO(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))), from: 'TEXT' };
    }
  }
  if (publishedAt) return { date: publishedAt.slice(0, 10), from: 'PUBLISHED_AT' };
  return { date: null, from: null };
}
