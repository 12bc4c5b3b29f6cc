import type { GraphBatch } from '../ports/graph-store';
import { DegreeCounter } from './hubs';

export interface GraphSummary {
  readonly sources: number;
  /** Characters of source text, the bulk of a graph's size. */
  readonly sourceTextChars: number;
  readonly entities: number;
  readonly relationships: number;
  readonly entitiesByKind: Readonly<Record<string, number>>;
  readonly relationshipsByType: Readonly<Record<string, number>>;
  /** The five highest-degree entity ids. */
  readonly hubs: readonly string[];
}

/** Counts a graph as its chunks stream past, without keeping them. */
export class GraphTally {
  private sources = 0;
  private sourceTextChars = 0;
  private entities = 0;
  private relationships = 0;
  private readonly byKind = new Map<string, number>();
  private readonly byType = new Map<string, number>();
  private readonly degrees = new DegreeCounter();

  add(batch: GraphBatch): void {
    this.sources += batch.sources.length;
    for (const s of batch.sources) this.sourceTextChars += s.text.length;
    this.entities += batch.entities.length;
    for (const e of batch.entities) this.byKind.set(e.kind, (this.byKind.get(e.kind) ?? 0) + 1);
    this.relationships += batch.relationships.length;
    for (const r of batch.relationships) this.byType.set(r.type, (this.byType.get(r.type) ?? 0) + 1);
    this.degrees.add(batch);
  }

  summary(): GraphSummary {
    return {
      sources: this.sources,
      sourceTextChars: this.sourceTextChars,
      entities: this.entities,
      relationships: this.relationships,
      entitiesByKind: Object.fromEntries([...this.byKind].sort()),
      relationshipsByType: Object.fromEntries([...this.byType].sort()),
      hubs: this.degrees.top(5),
    };
  }
}
