import { badInput } from '../../domain/errors';

/** Upper bounds of traversal (and other list) arguments; larger values are refused, not clamped. */
export const BOUNDS = {
  /** Source.citations(first): a source may be quoted by thousands of facts. */
  MAX_CITATIONS: 2000,
  MAX_DEPTH: 3,
  MAX_HOPS: 6,
  MAX_LIMIT: 1000,
  MAX_PATHS: 100,
} as const;

export function requireInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`"${name}" must be an integer between ${min} and ${max}; got ${value}.`);
  }
  return value;
}
