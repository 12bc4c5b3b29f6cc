import type { EntityRecord, RelationshipRecord } from '../domain/records';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type GraphAttribute } from './graph-attributes';
import type { GraphSerializer } from './graph-serializer';
import { xmlAttribute, xmlText } from './xml-escape';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"\n' +
  '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
  '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';

/** Key ids are per domain (a node's label and an edge's label are different keys); readers show attr.name. */
const keyId = (domain: 'node' | 'edge', name: string): string => `${domain}_${name}`;

function keys<T>(domain: 'node' | 'edge', attributes: readonly GraphAttribute<T>[]): string {
  return attributes
    .map((a) => `  <key id="${keyId(domain, a.name)}" for="${domain}" attr.name="${a.name}" attr.type="string"/>\n`)
    .join('');
}

function data<T>(domain: 'node' | 'edge', attributes: readonly GraphAttribute<T>[], record: T): string {
  let out = '';
  for (const a of attributes) {
    const v = a.value(record);
    if (v !== null) out += `\n    <data key="${keyId(domain, a.name)}">${xmlText(v)}</data>`;
  }
  return out;
}

/** GraphML (graphml.graphdrawing.org), directed, every attribute a declared string key. */
export function graphmlSerializer(): GraphSerializer {
  return {
    start: () => HEADER + keys('node', NODE_ATTRIBUTES) + keys('edge', EDGE_ATTRIBUTES) + '  <graph id="rightsgraph" edgedefault="directed">\n',
    sources: () => '',
    startNodes: () => '',
    nodes: (entities: readonly EntityRecord[]) =>
      entities.map((e) => `  <node id="${xmlAttribute(e.id)}">${data('node', NODE_ATTRIBUTES, e)}\n  </node>\n`).join(''),
    startEdges: () => '',
    edges: (relationships: readonly RelationshipRecord[]) =>
      relationships
        .map(
          (r) =>
            `  <edge id="${xmlAttribute(r.id)}" source="${xmlAttribute(r.fromId)}" target="${xmlAttribute(r.toId)}">` +
            `${data('edge', EDGE_ATTRIBUTES, r)}\n  </edge>\n`,
        )
        .join(''),
    end: () => '  </graph>\n</graphml>\n',
  };
}
