import { useState } from 'react';
import type { Core } from 'cytoscape';
import { kindLabel } from '../format';
import type { EntityKind } from '../types';

interface DrawnListProps {
  cy: Core;
  /** Changes whenever elements are added, so the list is read again. */
  version: string;
  onSelect: (id: string) => void;
}

/**
 * The drawing as a list, for keyboard and screen reader users: each entity opens its card
 * (and from there expands). Read from the graph only while open, as it can hold 1,000 entities.
 */
export function DrawnList({ cy, version, onSelect }: DrawnListProps) {
  const [open, setOpen] = useState(false);
  const nodes = open
    ? cy
        .nodes()
        .map((node) => ({ id: node.id(), label: String(node.data('label')), kind: node.data('kind') as EntityKind, degree: node.degree(false) }))
        .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    : [];
  return (
    <details className="drawn-list" onToggle={(event) => setOpen(event.currentTarget.open)} data-version={version}>
      <summary>The drawing as a list</summary>
      {open && (
        <ul>
          {nodes.map((node) => (
            <li key={node.id}>
              <button type="button" className="link-button" onClick={() => onSelect(node.id)}>
                {node.label}
              </button>{' '}
              <span className="muted">
                {kindLabel(node.kind)} · {node.degree} {node.degree === 1 ? 'line' : 'lines'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
