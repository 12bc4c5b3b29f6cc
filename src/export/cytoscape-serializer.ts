import type { EntityRecord, RelationshipRecord } from '../domain/records';
import { cytoscapeEdge, cytoscapeNode } from './cytoscape-elements';
import type { GraphSerializer } from './graph-serializer';

/** Cytoscape.js elements JSON (`cy.add(json.elements)` or `cytoscape({ elements })`), one element per line. */
export function cytoscapeSerializer(): GraphSerializer {
  let separator = '';
  const elements = <T>(items: readonly T[], element: (item: T) => { data: object }): string => {
    let out = '';
    for (const item of items) {
      out += `${separator}\n    ${JSON.stringify({ data: element(item).data })}`;
      separator = ',';
    }
    return out;
  };
  return {
    start: () => '{\n  "elements": {\n',
    sources: () => '',
    startNodes: () => {
      separator = '';
      return '  "nodes": [';
    },
    nodes: (entities: readonly EntityRecord[]) => elements(entities, cytoscapeNode),
    startEdges: () => {
      separator = '';
      return '\n  ],\n  "edges": [';
    },
    edges: (relationships: readonly RelationshipRecord[]) => elements(relationships, cytoscapeEdge),
    end: () => '\n  ]\n  }\n}\n',
  };
}
