import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api';
import { plural } from '../format';
import { Link } from '../Link';
import { EdgeCard, NodeCard, type EdgeData, type NodeData } from '../network/Cards';
import { Controls, DEPTHS, LIMITS } from '../network/Controls';
import { DrawnList } from '../network/DrawnList';
import { exportGraphml, exportJson, exportPng } from '../network/export';
import { createGraph, runLayout, type Core } from '../network/graph';
import { Legend } from '../network/Legend';
import { loadDrawing, loadNeighborhood, type NeighborhoodFilter } from '../network/load';
import { usePageHeading } from '../page';
import { href, listParam, navigate } from '../router';
import { ErrorMessage, Loading } from '../Status';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../types';
import { useQuery } from '../use-query';

type Selection = { group: 'nodes'; data: NodeData } | { group: 'edges'; data: EdgeData };

function filterOf(params: URLSearchParams): NeighborhoodFilter {
  const depth = Number(params.get('depth'));
  const limit = Number(params.get('limit'));
  return {
    depth: (DEPTHS as ReadonlyArray<number>).includes(depth) ? depth : 1,
    limit: (LIMITS as ReadonlyArray<number>).includes(limit) ? limit : 200,
    types: listParam(params, 'types', RELATIONSHIP_TYPES),
    kinds: listParam(params, 'kinds', ENTITY_KINDS),
  };
}

function urlOf(id: string, filter: NeighborhoodFilter, expanded: ReadonlyArray<string>): string {
  return href.network(id, {
    depth: filter.depth === 1 ? undefined : String(filter.depth),
    limit: filter.limit === 200 ? undefined : String(filter.limit),
    types: filter.types.join(','),
    kinds: filter.kinds.join(','),
    expand: expanded.join(','),
  });
}

/**
 * The neighbourhood of an entity, drawn. Everything that shapes the drawing is in the URL
 * (depth, limit, filters, expanded nodes), so a reload or a pasted link draws the same network.
 */
export function NetworkView({ id, params }: { id: string; params: URLSearchParams }) {
  const filter = filterOf(params);
  const key = JSON.stringify({ id, ...filter });
  const [state, retry] = useQuery(key, (signal) => loadDrawing(id, filter, (params.get('expand') ?? '').split(',').filter(Boolean), signal));
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, kinds: [] as EntityKind[], types: [] as RelationshipType[] });
  const rootName = state.status === 'done' ? state.data.rootName : null;
  const heading = usePageHeading(rootName === null ? (state.status === 'error' ? 'Network not available' : null) : `Network of ${rootName}`);

  const refreshCounts = (cy: Core): void => {
    const kinds = new Set(cy.nodes().map((n) => n.data('kind') as EntityKind));
    const types = new Set(cy.edges().map((e) => e.data('type') as RelationshipType));
    setDrawn({ nodes: cy.nodes().length, edges: cy.edges().length, kinds: ENTITY_KINDS.filter((k) => kinds.has(k)), types: RELATIONSHIP_TYPES.filter((t) => types.has(t)) });
  };

  const expand = async (nodeId: string): Promise<void> => {
    const cy = cyRef.current;
    if (cy === null || busy || expanded.includes(nodeId)) return;
    setBusy(true);
    setNotice(null);
    try {
      const more = await loadNeighborhood(nodeId, { ...filter, depth: 1 });
      const node = cy.getElementById(nodeId);
      const at = node.position();
      const fresh = more.elements.filter((e) => cy.getElementById(e.data.id ?? '').empty());
      const nodes = fresh.filter((e) => e.group === 'nodes').map((e) => ({ ...e, position: { x: at.x + Math.random() * 40 - 20, y: at.y + Math.random() * 40 - 20 } }));
      cy.add([...nodes, ...fresh.filter((e) => e.group === 'edges')]);
      node.addClass('expanded');
      const next = [...expanded, nodeId];
      setExpanded(next);
      if (more.truncated) setTruncated(true);
      setNotice(`${String(node.data('label'))}: ${plural(nodes.length, 'entity', 'entities')} added${more.truncated ? ', cut short at the limit' : ''}.`);
      refreshCounts(cy);
      navigate(urlOf(id, filter, next), { replace: true });
      await runLayout(cy, true);
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  // The graph's event handlers are bound once; they call the latest closure through this ref.
  const expandRef = useRef(expand);
  expandRef.current = expand;

  // A new graph per answer: its options (textures while panning) depend on the size.
  useEffect(() => {
    if (container.current === null || state.status !== 'done') return;
    const cy = createGraph(container.current, state.data.elements);
    cyRef.current = cy;
    cy.getElementById(id).addClass('root');
    for (const nodeId of state.data.expanded) cy.getElementById(nodeId).addClass('expanded');
    cy.on('tap', 'node', (event) => setSelection({ group: 'nodes', data: event.target.data() as NodeData }));
    cy.on('tap', 'edge', (event) => setSelection({ group: 'edges', data: event.target.data() as EdgeData }));
    cy.on('tap', (event) => {
      if (event.target === cy) setSelection(null);
    });
    cy.on('dbltap', 'node', (event) => void expandRef.current(String(event.target.id())));
    setExpanded(state.data.expanded);
    setTruncated(state.data.truncated);
    setSelection(null);
    refreshCounts(cy);
    void runLayout(cy, false);
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
  }, [state]);

  const select = (nodeId: string): void => {
    const cy = cyRef.current;
    const node = cy?.getElementById(nodeId);
    if (cy === null || cy === undefined || node === undefined || node.empty()) return;
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node } }, { duration: 300 });
    setSelection({ group: 'nodes', data: node.data() as NodeData });
  };
  const name = `network-${id}`;
  const cy = cyRef.current;

  return (
    <article className="network">
      <h1 ref={heading} tabIndex={-1}>
        {rootName === null ? 'Network' : <>Network of <Link href={href.entity(id)}>{rootName}</Link></>}
      </h1>
      <Controls filter={filter} onChange={(next) => navigate(urlOf(id, next, expanded), { replace: true })} />
      {state.status === 'loading' && <Loading what="the network" />}
      {state.status === 'error' && <ErrorMessage error={state.error} retry={retry} />}
      <p className="muted" role="status">
        {state.status === 'done' && `${plural(drawn.nodes, 'entity', 'entities')} and ${plural(drawn.edges, 'relationship', 'relationships')} drawn. Click an entity for its card, double-click it to expand; click a line for its quotes.`}
      </p>
      {truncated && (
        <p className="notice">
          Cut short: the API stopped at the limit of {filter.limit} entities, so not everything connected is drawn. Raise the limit, lower the depth
          or filter by type.
        </p>
      )}
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="network-layout">
        <div className="network-canvas" ref={container} role="img" aria-label={rootName === null ? 'Network drawing' : `Network drawing around ${rootName}; the list below has the same entities`} hidden={state.status === 'error'} />
        <aside className="network-side" aria-label="Details">
          {selection?.group === 'nodes' && (
            <NodeCard node={selection.data} expanded={expanded.includes(selection.data.id)} busy={busy} onExpand={() => void expand(selection.data.id)} onClose={() => setSelection(null)} />
          )}
          {selection?.group === 'edges' && (
            <EdgeCard edge={selection.data} nodeOf={(nodeId) => cy?.getElementById(nodeId).data() as NodeData | undefined} onClose={() => setSelection(null)} />
          )}
          <Legend kinds={drawn.kinds} types={drawn.types} />
          <section aria-labelledby="export-heading" className="export">
            <h2 id="export-heading">Export what is drawn</h2>
            <p className="actions">
              <button type="button" disabled={cy === null || drawn.nodes === 0} onClick={() => cy !== null && exportPng(cy, name)}>
                PNG
              </button>
              <button type="button" disabled={cy === null || drawn.nodes === 0} onClick={() => cy !== null && exportJson(cy, name)}>
                Cytoscape JSON
              </button>
              <button type="button" disabled={cy === null || drawn.nodes === 0} onClick={() => cy !== null && exportGraphml(cy, name)}>
                GraphML
              </button>
            </p>
          </section>
        </aside>
      </div>
      {cy !== null && drawn.nodes > 0 && <DrawnList cy={cy} version={`${String(drawn.nodes)}-${String(drawn.edges)}`} onSelect={select} />}
    </article>
  );
}
