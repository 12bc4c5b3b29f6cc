import { useEffect, useRef, useState } from 'react';
import { typeLabel } from '../format';
import { href, navigate } from '../router';
import type { Path } from '../types';
import { createGraph, type ElementDefinition } from './graph';

/**
 * Places each path on its own row, from left to right (top to bottom on a narrow screen); nodes
 * shared by paths stay where first placed.
 */
function elementsOf(paths: ReadonlyArray<Path>, vertical: boolean): ElementDefinition[] {
  const placed = new Map<string, ElementDefinition>();
  const edges = new Map<string, ElementDefinition>();
  paths.forEach((path, row) => {
    path.nodes.forEach((node, column) => {
      if (placed.has(node.id)) return;
      const across = (row - (paths.length - 1) / 2) * (vertical ? 160 : 90);
      const along = column * (vertical ? 140 : 220);
      const position = vertical ? { x: across, y: along } : { x: along, y: across };
      placed.set(node.id, { group: 'nodes', data: { id: node.id, label: node.name, kind: node.kind }, position });
    });
    for (const rel of path.relationships) {
      edges.set(rel.id, { group: 'edges', data: { id: rel.id, source: rel.from.id, target: rel.to.id, type: rel.type, label: typeLabel(rel.type) } });
    }
  });
  return [...placed.values(), ...edges.values()];
}

/** The paths drawn left to right with the same shapes and colours as the network view. */
export function PathGraph({ paths, fromId, label }: { paths: ReadonlyArray<Path>; fromId: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [vertical] = useState(() => window.matchMedia('(max-width: 48rem)').matches);
  useEffect(() => {
    if (container.current === null) return;
    const cy = createGraph(container.current, elementsOf(paths, vertical));
    cy.layout({ name: 'preset', fit: true, padding: 40 }).run();
    // A short path would fill the box at a zoom where its labels are huge.
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center();
    }
    cy.getElementById(fromId).addClass('root');
    cy.edges().addClass('labelled');
    cy.autounselectify(true);
    cy.on('tap', 'node', (event) => navigate(href.entity(String(event.target.id()))));
    return () => cy.destroy();
  }, [paths, fromId, vertical]);
  return <div className={vertical ? 'path-canvas vertical' : 'path-canvas'} ref={container} role="img" aria-label={label} />;
}
