/**
 * The one module that touches the graph library: Cytoscape.js with the fcose force-directed
 * layout, both bundled (no CDN). Imported only from lazily loaded views, so the first page of
 * the explorer does not wait for it.
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { typeLabel } from '../format';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type RelationshipType } from '../types';
import { kindLook, typeLook } from './style';

cytoscape.use(fcose);

/**
 * Above this many nodes or edges the layout runs in draft quality, unanimated: fcose's default
 * quality takes under a second for 700 nodes and 1,000 edges but 18 s for 1,000 nodes and 5,000
 * edges (measured in headless Chromium on 2 cores); draft takes 1-2 s at the API's 1,000-node cap.
 */
const LARGE = 800;
const LARGE_EDGES = 1200;
/** Above this many nodes, panning and zooming move a snapshot rather than redraw every edge. */
const TEXTURE_ABOVE = 300;

/**
 * Cytoscape adds a <style> element to the page once, which a CSP without 'unsafe-inline'
 * refuses (a console error). It skips that when an element with this id exists; the rule it
 * would add (`position: relative` on the container) is in styles.css instead.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id) !== null) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.appendChild(placeholder);
}

const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': 11,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        color: '#1a1a1a',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...ENTITY_KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: kindLook(kind).shape, 'background-color': kindLook(kind).color },
    })),
    { selector: 'node.root', style: { width: 40, height: 40, 'border-width': 3, 'border-color': '#1a1a1a', 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#555555', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffbf00', 'z-index': 10 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        opacity: 0.85,
      },
    },
    ...RELATIONSHIP_TYPES.map((type) => ({
      selector: `edge[type = "${type}"]`,
      style: { 'line-color': typeLook(type).color, 'target-arrow-color': typeLook(type).color, 'line-style': typeLook(type).line },
    })),
    {
      selector: 'edge:selected, edge.labelled',
      style: {
        opacity: 1,
        label: (edge: cytoscape.EdgeSingular) => typeLabel(edge.data('type') as RelationshipType),
        'font-family': LABEL_FONT,
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
      },
    },
    { selector: 'edge:selected', style: { width: 5 } },
  ] as StylesheetJson;
}

/**
 * Nodes start scattered over a disc rather than all at (0, 0): stacked nodes make every edge
 * between them undrawable until the layout ends, and Cytoscape warns once per such edge.
 */
function scattered(elements: ElementDefinition[]): ElementDefinition[] {
  const nodes = elements.filter((e) => e.group === 'nodes').length;
  const radius = 40 * Math.sqrt(nodes);
  return elements.map((e) => {
    if (e.group !== 'nodes' || e.position !== undefined) return e;
    const angle = Math.random() * 2 * Math.PI;
    const distance = radius * Math.sqrt(Math.random());
    return { ...e, position: { x: distance * Math.cos(angle), y: distance * Math.sin(angle) } };
  });
}

export function createGraph(container: HTMLElement, elements: ElementDefinition[] = []): Core {
  claimCytoscapeStylesheet();
  const large = elements.filter((e) => e.group === 'nodes').length > TEXTURE_ABOVE;
  return cytoscape({
    container,
    elements: scattered(elements),
    // Cytoscape runs a grid layout on the initial elements unless told to keep their positions.
    layout: { name: 'preset' },
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    selectionType: 'single',
    boxSelectionEnabled: false,
  });
}

/** fcose: draft quality for large graphs; `incremental` keeps the nodes already placed. */
export function layoutOptions(nodeCount: number, edgeCount: number, incremental: boolean): LayoutOptions {
  const large = nodeCount > LARGE || edgeCount > LARGE_EDGES;
  return {
    name: 'fcose',
    quality: large ? 'draft' : 'default',
    randomize: large || !incremental,
    animate: !large,
    animationDuration: 400,
    fit: true,
    padding: 30,
    packComponents: false,
    // Labels take room too; counting them is too slow for the draft layout of large graphs.
    nodeDimensionsIncludeLabels: !large,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 110,
    nodeSeparation: 110,
  } as LayoutOptions;
}

/**
 * The draft layout (spectral only) puts nodes with the same distances to the rest on one spot,
 * which in an ego network is most of them. Each such stack is fanned out into a small sunflower
 * spiral around its spot, so every node can be seen and clicked; linear in the number of nodes.
 */
function spreadStacks(cy: Core): void {
  const cells = new Map<string, cytoscape.NodeSingular[]>();
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    const key = `${String(Math.round(x / 12))}:${String(Math.round(y / 12))}`;
    const stack = cells.get(key);
    if (stack === undefined) cells.set(key, [node]);
    else stack.push(node);
  });
  cy.batch(() => {
    for (const stack of cells.values()) {
      if (stack.length < 2) continue;
      const { x, y } = stack[0]?.position() ?? { x: 0, y: 0 };
      stack.forEach((node, i) => {
        const r = 22 * Math.sqrt(i);
        node.position({ x: x + r * Math.cos(i * 2.39996), y: y + r * Math.sin(i * 2.39996) });
      });
    }
  });
}

export function runLayout(cy: Core, incremental: boolean): Promise<void> {
  const options = layoutOptions(cy.nodes().length, cy.edges().length, incremental);
  const layout = cy.layout(options);
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      if ((options as { quality?: string }).quality === 'draft') {
        spreadStacks(cy);
        cy.fit(undefined, 30);
      }
      resolve();
    }),
  );
  layout.run();
  return done;
}

export type { Core, ElementDefinition };
