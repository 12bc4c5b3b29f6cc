import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../domain/enums';
import {
  AUDIT_REF_LABEL,
  CHANGE_LABEL,
  ENTITY_LABEL,
  KIND_LABELS,
  RELATIONSHIP_TYPE_NAMES,
  SCHEMA_VERSION_LABEL,
  SOURCE_LABEL,
  TOUCHED_TYPE,
} from '../adapters/neo4j/labels';
import { run } from '../adapters/neo4j/driver';
import type { ExpectedGraph } from './convert';
import { COUNT_GRAPH } from './bulk-cypher';
import { connectServed } from './neo4j-processes';

export interface CountRow {
  /** `:Label`, `[:TYPE]`, or `all nodes` / `all relationships`. */
  readonly name: string;
  readonly expected: number;
  readonly found: number;
}

/** What the database must hold after the import and the migration (which adds the one SchemaVersion node). */
export function expectedCounts(graph: ExpectedGraph): { labels: Map<string, number>; types: Map<string, number> } {
  const entities = [...graph.entities.values()].reduce((a, b) => a + b, 0);
  const labels = new Map<string, number>([[ENTITY_LABEL, entities]]);
  for (const kind of ENTITY_KINDS) labels.set(KIND_LABELS[kind], graph.entities.get(kind) ?? 0);
  labels.set(SOURCE_LABEL, graph.sources);
  labels.set(CHANGE_LABEL, graph.changes);
  labels.set(AUDIT_REF_LABEL, graph.auditRefs);
  labels.set(SCHEMA_VERSION_LABEL, 1);
  const types = new Map<string, number>();
  for (const type of RELATIONSHIP_TYPES) types.set(RELATIONSHIP_TYPE_NAMES[type], graph.relationships.get(type) ?? 0);
  types.set(TOUCHED_TYPE, graph.touched);
  return { labels, types };
}

/** Counts every label and type in the database at `uri` and sets them beside what the file holds. */
export async function countGraph(uri: string, graph: ExpectedGraph): Promise<CountRow[]> {
  const runner = connectServed(uri);
  try {
    const [record] = await runner.read('bulkCounts', (tx) => run(tx, COUNT_GRAPH));
    if (!record) throw new Error('the count query returned no row');
    const foundLabels = record.get('labels') as Record<string, number>;
    const foundTypes = record.get('types') as Record<string, number>;
    const { labels, types } = expectedCounts(graph);
    const rows: CountRow[] = [];
    for (const [label, expected] of labels) rows.push({ name: `:${label}`, expected, found: Number(foundLabels[label] ?? 0) });
    for (const [type, expected] of types) rows.push({ name: `[:${type}]`, expected, found: Number(foundTypes[type] ?? 0) });
    const allNodes = [ENTITY_LABEL, SOURCE_LABEL, CHANGE_LABEL, AUDIT_REF_LABEL, SCHEMA_VERSION_LABEL].reduce((n, l) => n + (labels.get(l) ?? 0), 0);
    rows.push({ name: 'all nodes', expected: allNodes, found: Number(record.get('nodes')) });
    rows.push({ name: 'all relationships', expected: [...types.values()].reduce((a, b) => a + b, 0), found: Number(record.get('relationships')) });
    return rows;
  } finally {
    await runner.close();
  }
}
