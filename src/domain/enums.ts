/**
 * The closed vocabularies of the graph. String enums whose values equal their names, so the same
 * value is a GraphQL enum value, a Neo4j label or relationship type (through a fixed map), and a
 * JSON field in seed and import files.
 */

export enum EntityKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  EVENT = 'EVENT',
  LAW = 'LAW',
  TOPIC = 'TOPIC',
  DOCUMENT = 'DOCUMENT',
}

export enum OrgType {
  STATE = 'STATE',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  COMMISSION = 'COMMISSION',
  CONSULTATIVE_BODY = 'CONSULTATIVE_BODY',
  NATIONAL_HUMAN_RIGHTS_INSTITUTION = 'NATIONAL_HUMAN_RIGHTS_INSTITUTION',
  NGO = 'NGO',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  /** A collective the source names without naming its members ("relevant ministries"). */
  GROUP = 'GROUP',
  OTHER = 'OTHER',
}

export enum RelationshipType {
  CHAIRED = 'CHAIRED',
  SPOKE_AT = 'SPOKE_AT',
  ATTENDED = 'ATTENDED',
  HOSTED = 'HOSTED',
  OBSERVES = 'OBSERVES',
  HOLDS_POSITION = 'HOLDS_POSITION',
  MEMBER_OF = 'MEMBER_OF',
  PART_OF = 'PART_OF',
  ESTABLISHED = 'ESTABLISHED',
  REFERENCED = 'REFERENCED',
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  DISCUSSED = 'DISCUSSED',
}

export enum Confidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

export enum ParticipationRole {
  HOST = 'HOST',
  CHAIR = 'CHAIR',
  SPEAKER = 'SPEAKER',
  ATTENDEE = 'ATTENDEE',
  OBSERVER = 'OBSERVER',
}

export const ENTITY_KINDS: readonly EntityKind[] = Object.values(EntityKind);
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = Object.values(RelationshipType);
export const ORG_TYPES: readonly OrgType[] = Object.values(OrgType);
export const CONFIDENCES: readonly Confidence[] = Object.values(Confidence);
