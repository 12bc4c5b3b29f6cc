/**
 * Downloads of what is drawn: a PNG of the whole graph, Cytoscape.js elements JSON (loads back
 * with `cy.add`) and GraphML (Gephi, yEd, Cytoscape desktop) built here from the same elements.
 */
import type { Core } from 'cytoscape';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the blob by now; keep it a moment for slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportPng(cy: Core, name: string): void {
  download(`${name}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
}

export function exportJson(cy: Core, name: string): void {
  const elements = cy.elements().map((element) => ({
    group: element.group(),
    data: element.data() as Record<string, unknown>,
    ...(element.isNode() ? { position: element.position() } : {}),
  }));
  download(`${name}.cytoscape.json`, new Blob([`${JSON.stringify(elements, null, 2)}\n`], { type: 'application/json' }));
}

export function exportGraphml(cy: Core, name: string): void {
  download(`${name}.graphml`, new Blob([toGraphml(cy)], { type: 'application/graphml+xml' }));
}

const NODE_KEYS = ['label', 'kind', 'aliases', 'description', 'orgType', 'country', 'date', 'evidence'] as const;
const EDGE_KEYS = ['type', 'role', 'onBehalfOfId', 'startDate', 'endDate', 'description', 'evidence'] as const;

/** Scalars as they are; lists and objects (aliases, evidence) as JSON text. */
function value(data: unknown): string | null {
  if (data === null || data === undefined) return null;
  if (typeof data === 'string') return data;
  if (Array.isArray(data) && data.length === 0) return null;
  return JSON.stringify(data);
}

export function toGraphml(cy: Core): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((key) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    '  <key id="n_x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="n_y" for="node" attr.name="y" attr.type="double"/>',
    ...EDGE_KEYS.map((key) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="string"/>`),
    '  <graph id="rightsgraph" edgedefault="directed">',
  ];
  const data = (prefix: string, key: string, raw: unknown): string[] => {
    const text = value(raw);
    return text === null ? [] : [`      <data key="${prefix}_${key}">${escapeXml(text)}</data>`];
  };
  cy.nodes().forEach((node) => {
    const d = node.data() as Record<string, unknown>;
    const { x, y } = node.position();
    lines.push(`    <node id="${escapeXml(node.id())}">`);
    for (const key of NODE_KEYS) lines.push(...data('n', key, d[key]));
    lines.push(...data('n', 'x', String(Math.round(x))), ...data('n', 'y', String(Math.round(y))));
    lines.push('    </node>');
  });
  cy.edges().forEach((edge) => {
    const d = edge.data() as Record<string, unknown>;
    lines.push(`    <edge id="${escapeXml(edge.id())}" source="${escapeXml(edge.source().id())}" target="${escapeXml(edge.target().id())}">`);
    for (const key of EDGE_KEYS) lines.push(...data('e', key, d[key]));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Text safe in XML 1.0 content and attributes: markup escaped, characters XML forbids dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}
