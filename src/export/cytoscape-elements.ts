import type { EntityRecord, RelationshipRecord } from '../domain/records';

/**
 * Cytoscape.js elements, the one shape both the export (`--format cytoscape`) and the API's
 * `neighborhood { cytoscape }` emit: every field of the record, with the names Cytoscape reads
 * (`label`; `source`/`target` for an edge's ends).
 */
export interface CytoscapeElement {
  readonly group: 'nodes' | 'edges';
  readonly data: { readonly id: string; readonly [field: string]: unknown };
}

export function cytoscapeNode(e: EntityRecord): CytoscapeElement {
  const { name, ...rest } = e;
  return { group: 'nodes', data: { ...rest, label: name } };
}

export function cytoscapeEdge(r: RelationshipRecord): CytoscapeElement {
  const { fromId, toId, ...rest } = r;
  return { group: 'edges', data: { ...rest, source: fromId, target: toId, label: r.type } };
}

/** A subgraph as one array, what `cy.add(...)` takes. */
export function cytoscapeElements(nodes: readonly EntityRecord[], relationships: readonly RelationshipRecord[]): CytoscapeElement[] {
  return [...nodes.map(cytoscapeNode), ...relationships.map(cytoscapeEdge)];
}
