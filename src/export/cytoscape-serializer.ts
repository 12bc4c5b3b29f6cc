import type { EntityRecord, RelationshipRecord } from '../domain/records';
import type { GraphSerializer } from './graph-serializer';

/** Cytoscape.js elements JSON (`cy.add(json.elements)` or `cytoscape({ elements })`), one element per line. */
export function cytoscapeSerializer(): GraphSerializer {
  let separator = '';
  const elements = <T>(items: readonly T[], data: (item: T) => object): string => {
    let out = '';
    for (const item of items) {
      out += `${separator}\n    ${JSON.stringify({ data: data(item) })}`;
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
    nodes: (entities: readonly EntityRecord[]) => elements(entities, nodeData),
    startEdges: () => {
      separator = '';
      return '\n  ],\n  "edges": [';
    },
    edges: (relationships: readonly RelationshipRecord[]) => elements(relationships, edgeData),
    end: () => '\n  ]\n  }\n}\n',
  };
}

function nodeData(e: EntityRecord): object {
  const { name, ...rest } = e;
  return { ...rest, id: e.id, label: name };
}

function edgeData(r: RelationshipRecord): object {
  const { fromId, toId, ...rest } = r;
  return { ...rest, id: r.id, source: fromId, target: toId, label: r.type };
}
