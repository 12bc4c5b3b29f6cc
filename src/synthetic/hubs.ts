import type { GraphBatch } from '../ports/graph-store';
import { HUB_NAMES } from './vocabulary';

/**
 * The hub organizations the generator builds in: they attend or observe most events
 * (85%, 60%, 35% and 20% of them), so from about 5,000 relationships up the first two are the
 * highest-degree nodes, and all four are far above the rest from about 50,000 (measure small
 * graphs with hubIds). Ordered by expected degree, highest first.
 */
export const SYNTHETIC_HUB_IDS: readonly string[] = HUB_NAMES.map((_, i) => `syn-o-${i + 1}`);

/** Relationships touching each entity (a self-loop counts twice), counted as batches stream past. */
export class DegreeCounter {
  readonly degree = new Map<string, number>();

  add(batch: GraphBatch): void {
    for (const e of batch.entities) if (!this.degree.has(e.id)) this.degree.set(e.id, 0);
    for (const r of batch.relationships) {
      this.degree.set(r.fromId, (this.degree.get(r.fromId) ?? 0) + 1);
      this.degree.set(r.toId, (this.degree.get(r.toId) ?? 0) + 1);
    }
  }

  /** The `count` ids of highest degree, ties broken by id. */
  top(count: number): string[] {
    return [...this.degree]
      .sort(([a, da], [b, db]) => db - da || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, count)
      .map(([id]) => id);
  }
}

export function degrees(batches: GraphBatch | Iterable<GraphBatch>): Map<string, number> {
  return count(batches).degree;
}

/** The `count` entity ids of highest degree, measured on the graph itself. */
export function hubIds(batches: GraphBatch | Iterable<GraphBatch>, top = SYNTHETIC_HUB_IDS.length): string[] {
  return count(batches).top(top);
}

function count(batches: GraphBatch | Iterable<GraphBatch>): DegreeCounter {
  const counter = new DegreeCounter();
  for (const batch of isBatch(batches) ? [batches] : batches) counter.add(batch);
  return counter;
}

function isBatch(value: GraphBatch | Iterable<GraphBatch>): value is GraphBatch {
  return 'relationships' in value && Array.isArray((value as GraphBatch).relationships);
}
