import type { Confidence, EntityKind, RelationshipType } from './enums';

/**
 * The review queue: what extraction proposed from one document (an ingestion), fact by fact
 * (proposals), until an editor accepts or rejects each. The payload shapes mirror
 * src/ingest/extraction.ts (its ProposedEntity and ProposedRelationship are assignable to them),
 * restated here because the domain imports nothing.
 */

export enum IngestionStatus {
  /** Some proposals still wait for review. */
  OPEN = 'OPEN',
  /** Every proposal was accepted or rejected. */
  DONE = 'DONE',
}

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

export enum ProposalKind {
  ENTITY = 'ENTITY',
  RELATIONSHIP = 'RELATIONSHIP',
}

/** A verbatim span of the ingested source's text: `text.slice(start, end) === quote`. */
export interface SpanRecord {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

export interface ProposedEntityPayload {
  /** Unique within one ingestion; relationship proposals name their ends by it. */
  readonly ref: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly date: string | null;
  readonly evidence: readonly SpanRecord[];
}

export interface ProposedRelationshipPayload {
  readonly ref: string;
  readonly type: RelationshipType;
  /** Entity `ref`s of the same ingestion; `to` null: the extraction could not tell (HOLDS_POSITION). */
  readonly from: string | null;
  readonly to: string | null;
  /** Existing entities a reviewer pointed an end at; they win over `from` and `to`. */
  readonly fromId: string | null;
  readonly toId: string | null;
  readonly role: string | null;
  readonly onBehalfOf: string | null;
  readonly confidence: Confidence;
  readonly evidence: readonly SpanRecord[];
}

export interface IngestionRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly status: IngestionStatus;
  /** ISO timestamp. */
  readonly createdAt: string;
  readonly createdBy: string;
  /** sha256 of the stored text: the same text filed again is found by it, not proposed twice. */
  readonly textHash: string;
}

/** A stored fact the proposal disagrees with (e.g. another post for the same person), with its quote. */
export interface ContradictionRecord {
  readonly relationshipId: string;
  readonly sourceId: string;
  readonly quote: string;
}

interface ProposalBase {
  readonly id: string;
  readonly ingestionId: string;
  readonly status: ProposalStatus;
  /** For an entity: the existing entity it is; for a relationship: the existing one it restates. */
  readonly resolvesTo: string | null;
  readonly contradiction: ContradictionRecord | null;
  readonly rejectedReason: string | null;
  /** The entity or relationship accepting it created or added evidence to. */
  readonly acceptedAs: string | null;
}

export type ProposalRecord =
  | (ProposalBase & { readonly kind: ProposalKind.ENTITY; readonly entity: ProposedEntityPayload })
  | (ProposalBase & { readonly kind: ProposalKind.RELATIONSHIP; readonly relationship: ProposedRelationshipPayload });

/** How an ingested document's text is written; HTML is read down to its text before extraction. */
export enum DocumentFormat {
  TEXT = 'TEXT',
  HTML = 'HTML',
}
