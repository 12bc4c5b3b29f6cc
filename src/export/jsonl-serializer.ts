import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import { entityLine, relationshipLine, sourceLine } from '../records/jsonl-writer';
import type { GraphSerializer } from './graph-serializer';

/** The import line shape, so an export imports back into an identical graph. */
export function jsonlSerializer(): GraphSerializer {
  const lines = <T>(items: readonly T[], line: (item: T) => string): string => items.map((i) => `${line(i)}\n`).join('');
  return {
    start: () => '',
    sources: (sources: readonly SourceRecord[]) => lines(sources, sourceLine),
    startNodes: () => '',
    nodes: (entities: readonly EntityRecord[]) => lines(entities, entityLine),
    startEdges: () => '',
    edges: (relationships: readonly RelationshipRecord[]) => lines(relationships, relationshipLine),
    end: () => '',
  };
}
