import { randomBytes } from 'node:crypto';
import type { Caller, ChangeOperation, ChangeRecord } from '../domain/change';

let sequence = 0;
// Tells apart entries of two processes that wrote in the same millisecond.
const PROCESS_TAG = randomBytes(3).toString('hex');

export interface ChangeInput {
  readonly operation: ChangeOperation;
  readonly ids: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
}

/** One audit entry; ids sort by time, then by the order this process made them. */
export function changeRecord(actor: Caller, at: Date, change: ChangeInput): ChangeRecord {
  sequence = (sequence + 1) % 1_000_000;
  const iso = at.toISOString();
  return {
    id: `${iso}-${String(sequence).padStart(6, '0')}-${PROCESS_TAG}`,
    at: iso,
    actor: actor.name,
    operation: change.operation,
    ids: [...new Set(change.ids)],
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
  };
}

/** The fields whose values differ, as a before and an after object holding only those fields. */
export function diffFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return Object.keys(now).length > 0 ? { before: was, after: now } : null;
}
