import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';

/**
 * One export format as text pieces, written in this order: start, sources, nodes, edges, end. Nodes
 * and edges come in pages so the exporter streams; a serializer may keep state between pages (a
 * separating comma). Formats without a place for sources return '' for them: their evidence still
 * names the source and quotes it.
 */
export interface GraphSerializer {
  start(): string;
  sources(sources: readonly SourceRecord[]): string;
  startNodes(): string;
  nodes(entities: readonly EntityRecord[]): string;
  startEdges(): string;
  edges(relationships: readonly RelationshipRecord[]): string;
  end(): string;
}
