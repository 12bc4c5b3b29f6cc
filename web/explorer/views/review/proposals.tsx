import type { ReactNode } from 'react';
import { typeLabel } from '../../format';
import type { RelationshipType } from '../../types';
import type { Proposal } from './types';

export const GROUPS: { title: string; test: (p: Proposal) => boolean }[] = [
  { title: 'Event', test: (p) => p.entity?.kind === 'EVENT' },
  { title: 'People', test: (p) => p.entity?.kind === 'PERSON' },
  { title: 'Organizations', test: (p) => p.entity?.kind === 'ORGANIZATION' },
  { title: 'Other entities', test: (p) => p.entity !== null && !['EVENT', 'PERSON', 'ORGANIZATION'].includes(p.entity.kind) },
  { title: 'Facts', test: (p) => p.kind === 'RELATIONSHIP' },
];

export function proposalName(p: Proposal): string {
  return p.entity?.name ?? p.id;
}

/** Whether accepting it can work as it stands: a HOLDS_POSITION needs its organization, no end may be rejected. */
export function acceptable(p: Proposal, byRef: Map<string, Proposal>): boolean {
  if (p.status !== 'PENDING') return false;
  const rel = p.relationship;
  if (rel === null) return true;
  if (rel.type === 'HOLDS_POSITION' && rel.to === null && rel.toId === null) return false;
  const ends = [rel.fromId === null ? rel.from : null, rel.toId === null ? rel.to : null];
  return ends.every((ref) => ref === null || byRef.get(ref)?.status !== 'REJECTED');
}

/** /review/<id>: one ingestion to review. */

export function describe(p: Proposal, byRef: Map<string, Proposal>): string {
  if (p.entity !== null) return p.entity.name;
  const rel = p.relationship;
  if (rel === null) return p.id;
  const name = (ref: string | null, id: string | null): string => id ?? (ref === null ? '?' : (byRef.get(ref)?.entity?.name ?? ref));
  return `“${name(rel.from, rel.fromId)} ${typeLabel(rel.type).toLowerCase()} ${name(rel.to, rel.toId)}”`;
}

export function relationshipSummary(p: Proposal, endName: (ref: string | null, existing: string | null) => ReactNode): ReactNode {
  const rel = p.relationship;
  if (rel === null) return null;
  const verb = VERBS[rel.type];
  return (
    <>
      {endName(rel.from, rel.fromId)} {rel.type === 'HOLDS_POSITION' && rel.role !== null ? `holds the position of ${rel.role} at` : verb}{' '}
      {endName(rel.to, rel.toId)}
      {rel.role !== null && rel.type !== 'HOLDS_POSITION' ? ` as ${rel.role}` : ''}
      {rel.onBehalfOf !== null && rel.onBehalfOf !== rel.to ? <>, on behalf of {endName(rel.onBehalfOf, null)}</> : null}
    </>
  );
}

export const VERBS: Record<RelationshipType, string> = {
  HOSTED: 'hosted',
  CHAIRED: 'chaired',
  SPOKE_AT: 'spoke at',
  ATTENDED: 'attended',
  OBSERVES: 'observes',
  HOLDS_POSITION: 'holds a position at',
  MEMBER_OF: 'is a member of',
  PART_OF: 'is part of',
  ESTABLISHED: 'established',
  APPROVED: 'approved',
  PROPOSED: 'proposed',
  DISCUSSED: 'discussed',
  REFERENCED: 'referenced',
};


export function sentence(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}
