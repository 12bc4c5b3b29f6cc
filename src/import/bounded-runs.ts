/** How much one run may hold: items, and their summed cost. */
export interface RunLimit {
  readonly count: number;
  readonly cost: number;
}

/**
 * Consecutive runs of `items` within `limit`, in their order. An item over the cost limit on its
 * own makes a run by itself: whoever handles it then says which limit it passed.
 */
export function boundedRuns<T>(items: Iterable<T>, costOf: (item: T) => number, limit: RunLimit): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let cost = 0;
  for (const item of items) {
    const itemCost = costOf(item);
    if (current.length > 0 && (current.length >= limit.count || cost + itemCost > limit.cost)) {
      runs.push(current);
      current = [];
      cost = 0;
    }
    current.push(item);
    cost += itemCost;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
