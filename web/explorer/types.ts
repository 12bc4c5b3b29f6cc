/** The shapes of the API's answers, as the queries in queries.ts select them. */

export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'EVENT', 'LAW', 'TOPIC', 'DOCUMENT'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const RELATIONSHIP_TYPES = [
  'HOSTED',
  'CHAIRED',
  'SPOKE_AT',
  'ATTENDED',
  'OBSERVES',
  'HOLDS_POSITION',
  'MEMBER_OF',
  'PART_OF',
  'ESTABLISHED',
  'APPROVED',
  'PROPOSED',
  'DISCUSSED',
  'REFERENCED',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const PARTICIPATION_ROLES = ['HOST', 'CHAIR', 'SPEAKER', 'ATTENDEE', 'OBSERVER'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
  /** Events (and laws, documents) only. */
  date?: string | null;
}

export interface SourceRef {
  id: string;
  title: string;
}

export interface Evidence {
  quote: string;
  confidence: Confidence;
  source: SourceRef;
  /** Where the quote is in the source's text: `text.slice(start, end) === quote`. */
  start: number;
  end: number;
}

export interface Relationship {
  id: string;
  type: RelationshipType;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  from: EntityRef;
  to: EntityRef;
  onBehalfOf: EntityRef | null;
  evidence: Evidence[];
}

export interface EntityDetail extends EntityRef {
  aliases: string[];
  description: string | null;
  evidence: Evidence[];
  orgType?: string | null;
  country?: string | null;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Participant {
  role: ParticipationRole;
  capacity: string | null;
  entity: EntityRef;
  onBehalfOf: EntityRef | null;
  evidence: Evidence[];
}

export interface TimelineItem {
  date: string;
  summary: string;
  relationship: { id: string; type: RelationshipType; evidence: Evidence[] };
}

export interface CoParticipation {
  count: number;
  entity: EntityRef;
  events: EntityRef[];
}

export interface Path {
  length: number;
  nodes: EntityRef[];
  relationships: Relationship[];
}

export interface Citation {
  quote: string;
  start: number;
  end: number;
  confidence: Confidence;
  entity: EntityRef | null;
  relationship: Relationship | null;
}

export interface SourceDetail {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  text: string;
  /** Every evidence item quoting the source, ordered by start; at most CITATIONS_CAP of them. */
  citations: Citation[];
  /** How many there are in all. */
  citationCount: number;
}
