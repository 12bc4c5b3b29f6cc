import { useEffect, useRef, useState } from 'react';
import { EvidenceQuote } from '../EvidenceQuote';
import { formatDate, kindLabel } from '../format';
import { Link } from '../Link';
import { href } from '../router';
import { Sentence } from '../Sentence';
import { relationshipSentence } from '../sentences';
import type { Confidence, EntityKind, EntityRef, RelationshipType } from '../types';
import { sourceTitles } from './load';

/** Node data as the API's Cytoscape.js elements carry it. */
export interface NodeData {
  id: string;
  label: string;
  kind: EntityKind;
  aliases?: string[];
  description?: string | null;
  date?: string | null;
}

/** Edge data as the API's Cytoscape.js elements carry it. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  role?: string | null;
  onBehalfOfId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  description?: string | null;
  evidence?: Array<{ sourceId: string; quote: string; confidence: Confidence; start?: number; end?: number }>;
}

interface NodeCardProps {
  node: NodeData;
  expanded: boolean;
  busy: boolean;
  onExpand: () => void;
  onClose: () => void;
}

export function NodeCard({ node, expanded, busy, onExpand, onClose }: NodeCardProps) {
  // The card comes before the list of drawn entities in the tab order: a keyboard user who picked
  // an entity there starts reading its card (one Tab from "Expand neighbours") rather than hunting for it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [node.id]);
  return (
    <section className="card" aria-labelledby="card-heading">
      <p className={`kind kind-${node.kind.toLowerCase()}`}>{kindLabel(node.kind)}</p>
      <h2 id="card-heading" ref={heading} tabIndex={-1}>
        {node.label}
      </h2>
      {node.date !== null && node.date !== undefined && <p>{formatDate(node.date)}</p>}
      {node.description !== null && node.description !== undefined && <p>{node.description}</p>}
      {node.aliases !== undefined && node.aliases.length > 0 && <p className="muted">Also known as {node.aliases.join(' · ')}</p>}
      <p className="actions">
        <button type="button" onClick={onExpand} disabled={expanded || busy}>
          {expanded ? 'Neighbours shown' : busy ? 'Expanding…' : 'Expand neighbours'}
        </button>
        <Link href={href.entity(node.id)} className="button">
          Open page
        </Link>
        <Link href={href.network(node.id)} className="button">
          Centre network here
        </Link>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}

interface EdgeCardProps {
  edge: EdgeData;
  nodeOf: (id: string) => NodeData | undefined;
  onClose: () => void;
}

/** A relationship drawn as an edge: its sentence and every quote behind it. */
export function EdgeCard({ edge, nodeOf, onClose }: EdgeCardProps) {
  const [titles, setTitles] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    sourceTitles().then(setTitles, () => setTitles(new Map()));
  }, []);
  const ref = (id: string): EntityRef => {
    const node = nodeOf(id);
    return { id, name: node?.label ?? id, kind: node?.kind ?? 'ORGANIZATION', date: node?.date ?? null };
  };
  const parts = relationshipSentence(
    {
      id: edge.id,
      type: edge.type,
      role: edge.role ?? null,
      startDate: edge.startDate ?? null,
      endDate: edge.endDate ?? null,
      description: edge.description ?? null,
      from: ref(edge.source),
      to: ref(edge.target),
      onBehalfOf: edge.onBehalfOfId === null || edge.onBehalfOfId === undefined ? null : ref(edge.onBehalfOfId),
      evidence: [],
    },
    'none',
  );
  return (
    <section className="card" aria-labelledby="card-heading">
      <h2 id="card-heading" className="card-sentence">
        <Sentence parts={parts} />
      </h2>
      {edge.description !== null && edge.description !== undefined && <p className="muted">{edge.description}</p>}
      {(edge.evidence ?? []).map((e, i) => (
        <EvidenceQuote
          key={i}
          evidence={{ quote: e.quote, confidence: e.confidence, sourceId: e.sourceId, sourceTitle: titles?.get(e.sourceId), start: e.start, end: e.end }}
        />
      ))}
      <p className="actions">
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}
