import type { Random } from './random';
import { MONTHS } from './vocabulary';

/**
 * Partial dates travel through the plan as integers (y*10000 + m*100 + d, with m or d = 0 for
 * the coarser precisions, 0 for none) and become strings once, through a cache, so a million
 * relationships share a few thousand date strings instead of holding a million copies.
 */
export const NO_DATE = 0;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

export function dateCode(year: number, month = 0, day = 0): number {
  return year * 10000 + month * 100 + day;
}

export function yearOf(code: number): number {
  return Math.floor(code / 10000);
}

/**
 * A date in [fromYear, fromYear + years): to the day mostly, sometimes to the month or the
 * year only, because sources often give no more.
 */
export function randomDate(rng: Random, fromYear: number, years: number, pMonthOnly = 0.15, pYearOnly = 0.05): number {
  const year = fromYear + rng.int(years);
  const precision = rng.float();
  if (precision < pYearOnly) return dateCode(year);
  const month = 1 + rng.int(12);
  if (precision < pYearOnly + pMonthOnly) return dateCode(year, month);
  return dateCode(year, month, 1 + rng.int(daysInMonth(year, month)));
}

export class DateStrings {
  private readonly iso = new Map<number, string>();
  private readonly prose = new Map<number, string>();

  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null for NO_DATE. */
  isoOf(code: number): string | null {
    if (code === NO_DATE) return null;
    let s = this.iso.get(code);
    if (s === undefined) {
      const { y, m, d } = split(code);
      s = String(y);
      if (m > 0) s += `-${pad(m)}`;
      if (d > 0) s += `-${pad(d)}`;
      this.iso.set(code, s);
    }
    return s;
  }

  /** `14 March 2015`, `March 2015` or `2015`, as running text writes it. */
  proseOf(code: number): string {
    let s = this.prose.get(code);
    if (s === undefined) {
      const { y, m, d } = split(code);
      s = m === 0 ? String(y) : d === 0 ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
      this.prose.set(code, s);
    }
    return s;
  }
}

/** "on 14 March 2015" / "in March 2015" / "in 2015". */
export function onOrIn(code: number): string {
  return code % 100 === 0 ? 'in' : 'on';
}

function split(code: number): { y: number; m: number; d: number } {
  return { y: Math.floor(code / 10000), m: Math.floor(code / 100) % 100, d: code % 100 };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
