import type { EntityRecord, RelationshipRecord } from '../domain/records';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type GraphAttribute } from './graph-attributes';
import type { GraphSerializer } from './graph-serializer';
import { xmlAttribute } from './xml-escape';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
  '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
  '  <meta>\n    <creator>rightsgraph</creator>\n' +
  '    <description>Human-rights actors and their relationships, each with evidence quoted from a source</description>\n' +
  '  </meta>\n' +
  '  <graph mode="static" defaultedgetype="directed">\n';

// The label is the element's own `label`, so it is not declared again as a column.
const nodeColumns = NODE_ATTRIBUTES.filter((a) => a.name !== 'label');
const edgeColumns = EDGE_ATTRIBUTES.filter((a) => a.name !== 'label');

function declare<T>(cls: 'node' | 'edge', attributes: readonly GraphAttribute<T>[]): string {
  const rows = attributes.map((a) => `      <attribute id="${a.name}" title="${a.name}" type="string"/>\n`).join('');
  return `    <attributes class="${cls}">\n${rows}    </attributes>\n`;
}

function attvalues<T>(attributes: readonly GraphAttribute<T>[], record: T): string {
  let out = '';
  for (const a of attributes) {
    const v = a.value(record);
    if (v !== null) out += `\n        <attvalue for="${a.name}" value="${xmlAttribute(v)}"/>`;
  }
  return out === '' ? '' : `\n      <attvalues>${out}\n      </attvalues>\n    `;
}

/**
 * GEXF 1.3, static and directed. Each edge's `kind` is its type, which GEXF 1.3 uses to keep
 * parallel edges (ATTENDED and SPOKE_AT between the same two) apart instead of merging them.
 */
export function gexfSerializer(): GraphSerializer {
  return {
    start: () => HEADER + declare('node', nodeColumns) + declare('edge', edgeColumns),
    sources: () => '',
    startNodes: () => '    <nodes>\n',
    nodes: (entities: readonly EntityRecord[]) =>
      entities
        .map((e) => `    <node id="${xmlAttribute(e.id)}" label="${xmlAttribute(e.name)}">${attvalues(nodeColumns, e)}</node>\n`)
        .join(''),
    startEdges: () => '    </nodes>\n    <edges>\n',
    edges: (relationships: readonly RelationshipRecord[]) =>
      relationships
        .map(
          (r) =>
            `    <edge id="${xmlAttribute(r.id)}" source="${xmlAttribute(r.fromId)}" target="${xmlAttribute(r.toId)}"` +
            ` label="${xmlAttribute(r.type)}" kind="${xmlAttribute(r.type)}">${attvalues(edgeColumns, r)}</edge>\n`,
        )
        .join(''),
    end: () => '    </edges>\n  </graph>\n</gexf>\n',
  };
}
