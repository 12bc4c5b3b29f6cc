import type { Confidence, EntityKind, RelationshipType } from '../../types';

/** The review queue's shapes, as the API answers them. */

export type Status = 'PENDING' | 'ACCEPTED' | 'REJECTED';

export interface Proposal {
  id: string;
  kind: 'ENTITY' | 'RELATIONSHIP';
  status: Status;
  rejectedReason: string | null;
  acceptedAs: string | null;
  resolvesTo: string | null;
  resolvedEntity: { id: string; name: string; kind: EntityKind } | null;
  entity: { ref: string; name: string; kind: EntityKind; date: string | null } | null;
  relationship: {
    ref: string;
    type: RelationshipType;
    role: string | null;
    from: string | null;
    fromId: string | null;
    to: string | null;
    toId: string | null;
    onBehalfOf: string | null;
    confidence: Confidence;
  } | null;
  evidence: { quote: string; start: number; end: number }[];
  contradiction: { relationshipId: string; quote: string; sourceId: string; relationship: { id: string; role: string | null } | null } | null;
}

export interface IngestionDetail {
  id: string;
  status: 'OPEN' | 'DONE';
  createdAt: string;
  createdBy: string;
  source: { id: string; title: string; text: string };
  proposals: Proposal[];
}

export interface IngestionListItem {
  id: string;
  status: 'OPEN' | 'DONE';
  createdAt: string;
  createdBy: string;
  source: { id: string; title: string };
  pending: { id: string }[];
  proposals: { id: string }[];
}
