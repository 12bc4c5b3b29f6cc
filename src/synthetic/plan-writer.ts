import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/enums';
import { NO_DATE } from './dates';

/** Relationship type codes: indexes into RELATIONSHIP_TYPES. */
export const TYPE = Object.fromEntries(RELATIONSHIP_TYPES.map((t, i) => [t, i])) as Readonly<
  Record<RelationshipType, number>
>;

/**
 * The relationships as parallel typed arrays (about 40 bytes each), so a million of them are
 * planned before any record or sentence exists. `owner` is the entity whose paragraph states the
 * relationship: the event for everything said at a meeting, otherwise the entity described.
 */
export interface RelationshipPlan {
  readonly count: number;
  readonly type: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly onBehalfOf: Int32Array;
  readonly role: Int16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly owner: Int32Array;
}

/** Pairs already planned, so no two relationships of a type join the same two entities. */
export class PairSet {
  private readonly keys = new Set<number>();
  /** Adds the pair; false when it was already there. */
  add(a: number, b: number): boolean {
    // Both ends are below 2^26 (67 million entities), so the key stays an exact integer.
    const key = a * 67108864 + b;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

/** Appends relationships to a RelationshipPlan of fixed capacity. */
export class Writer implements RelationshipPlan {
  count = 0;
  readonly type: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly onBehalfOf: Int32Array;
  readonly role: Int16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly owner: Int32Array;

  constructor(readonly capacity: number) {
    this.type = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.onBehalfOf = new Int32Array(capacity).fill(-1);
    this.role = new Int16Array(capacity).fill(-1);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.owner = new Int32Array(capacity);
  }

  push(type: number, from: number, to: number, owner: number, role = -1, onBehalfOf = -1, start = NO_DATE, end = NO_DATE): void {
    const i = this.count++;
    if (i >= this.capacity) throw new Error(`synthetic plan overflow: more than ${this.capacity} relationships`);
    this.type[i] = type;
    this.from[i] = from;
    this.to[i] = to;
    this.owner[i] = owner;
    this.role[i] = role;
    this.onBehalfOf[i] = onBehalfOf;
    this.start[i] = start;
    this.end[i] = end;
  }
}
