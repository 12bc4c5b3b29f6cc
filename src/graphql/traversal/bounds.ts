import { badInput } from '../../domain/errors';

/** Upper bounds of traversal arguments; larger values are refused, not clamped. */
export const BOUNDS = {
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
