import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { BOUNDS } from '../traversal/bounds';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection/cursor';

/**
 * What fields cost, declared next to each field's definition (`@Field`, `@Query` or
 * `@FieldResolver` with `{ complexity }`; type-graphql copies it into the field's
 * `extensions.complexity`, where cost-limit.plugin.ts reads it). One unit is about one record
 * read or returned. A field that declares nothing costs 1 plus its selection. A list multiplies
 * its selection by how many items it can return: its `first` or `limit` where the caller sets one,
 * a typical size where only the data bounds it. Traversals add the walk itself, which grows with
 * depth and hops whatever is selected. Nested lists multiply: that is the point.
 */

/** Typical sizes of lists that take no `first`; the data, not the caller, bounds them. */
export const TYPICAL = {
  /** Evidence items of one entity or relationship. */
  EVIDENCE: 3,
  PARTICIPANTS: 50,
  TIMELINE_ITEMS: 50,
  /** Shared events of one co-participant. */
  SHARED_EVENTS: 5,
  PROPOSALS: 50,
  SOURCES: 100,
} as const;

/** Units per hop (or layer) of a traversal's walk, besides what it returns. */
const WALK_PER_HOP = 500;

/** An argument as the resolver will read it, kept within its bounds (beyond them the resolver refuses). */
function sized(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' && Number.isInteger(value) ? value : fallback;
  return Math.min(Math.max(n, 1), max);
}

/** A list of about `items` entries, each costing its selection. */
export function listOf(items: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + items * childComplexity;
}

/** A page (a connection or a plain list) of `first` items. */
export function pageOf(fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE): ComplexityEstimator {
  return ({ args, childComplexity }) => 1 + sized(args.first, fallback, max) * childComplexity;
}

/** `neighborhood(depth, limit)`: up to `limit` nodes, each reached through up to `depth` layers. */
export const neighborhoodCost: ComplexityEstimator = ({ args, childComplexity }: ComplexityEstimatorArgs) => {
  const depth = sized(args.depth, 1, BOUNDS.MAX_DEPTH);
  const limit = sized(args.limit, 200, BOUNDS.MAX_LIMIT);
  return depth * WALK_PER_HOP + limit * (depth + childComplexity);
};

/** `path` and `paths(first)`: a breadth-first walk of up to `maxHops` layers, then paths of up to maxHops + 1 nodes. */
export function pathsCost(defaultFirst: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const hops = sized(args.maxHops, 4, BOUNDS.MAX_HOPS);
    const first = sized(args.first, defaultFirst, BOUNDS.MAX_PATHS);
    return hops * WALK_PER_HOP + first * (hops + 1) * childComplexity;
  };
}

/** `coParticipants(first)`: the events of one entity and everyone at them, then `first` rows. */
export const coParticipantsCost: ComplexityEstimator = ({ args, childComplexity }) =>
  WALK_PER_HOP + sized(args.first, DEFAULT_PAGE_SIZE, BOUNDS.MAX_LIMIT) * childComplexity;
