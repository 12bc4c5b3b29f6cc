/**
 * Date reasoning over partial dates, by plain string comparison of padded bounds: a partial date
 * stands for every day it may denote, so "2013" spans 2013-01-01..2013-12-31. The upper pad need
 * not be a real day ("2023-02-31"): it only has to sort after every real day of that period, which
 * keeps this expressible as the same string comparisons in Cypher (see the Neo4j adapter).
 */

export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function lastDay(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** When a relationship held: `hi` null means open-ended (a post taken up with no end stated). */
export interface Interval {
  readonly lo: string;
  readonly hi: string | null;
}

/**
 * The dates a relationship stands for: its own start/end, or else the date of the event at its
 * other end (a participation is as dated as its event). Null when nothing dates it.
 */
export function relationshipInterval(
  startDate: string | null,
  endDate: string | null,
  eventDate: string | null,
): Interval | null {
  const start = startDate ?? eventDate;
  if (start === null) return null;
  if (endDate !== null) return { lo: firstDay(start), hi: lastDay(endDate) };
  return { lo: firstDay(start), hi: startDate !== null ? null : lastDay(start) };
}

export interface DateWindow {
  /** Held at some time within this partial date. */
  readonly activeAt?: string | null;
  /** Overlaps [from, to]. */
  readonly from?: string | null;
  readonly to?: string | null;
}

export function hasDateWindow(w: DateWindow): boolean {
  return Boolean(w.activeAt || w.from || w.to);
}

/** Undated relationships never match a window: nothing says they fall inside it. */
export function intervalMatches(interval: Interval | null, w: DateWindow): boolean {
  if (!hasDateWindow(w)) return true;
  if (interval === null) return false;
  const overlaps = (from: string | null, to: string | null): boolean =>
    (to === null || interval.lo <= lastDay(to)) && (from === null || interval.hi === null || interval.hi >= firstDay(from));
  if (w.activeAt && !overlaps(w.activeAt, w.activeAt)) return false;
  return overlaps(w.from ?? null, w.to ?? null);
}

/** The date a timeline shows for a relationship: its start, else its event's date. */
export function timelineDate(startDate: string | null, eventDate: string | null): string | null {
  return startDate ?? eventDate;
}
