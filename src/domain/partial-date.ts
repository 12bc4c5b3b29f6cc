import { badInput } from './errors';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Validates a partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): the field's dates are often known
 * only to the year ("established in 2013"), so precision is part of the value, not padding.
 */
export function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string') {
    throw badInput(`A PartialDate must be a string (YYYY, YYYY-MM or YYYY-MM-DD); got ${typeof value}.`);
  }
  const m = PATTERN.exec(value);
  if (!m) {
    throw badInput(`"${value.slice(0, 40)}" is not a PartialDate: expected YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  const [, y, mo, d] = m;
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) throw badInput(`"${value}" is not a PartialDate: month ${mo} is out of range.`);
    if (d !== undefined) {
      const day = Number(d);
      const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
      if (day < 1 || day > daysInMonth) throw badInput(`"${value}" is not a PartialDate: day ${d} does not exist.`);
    }
  }
  return value;
}

export function isPartialDate(value: unknown): value is string {
  try {
    parsePartialDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The first and last full day a partial date may denote, for window filters. */
export function partialDateRange(value: string): { first: string; last: string } {
  const [y, m, d] = value.split('-');
  if (d !== undefined) return { first: value, last: value };
  if (m !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}
