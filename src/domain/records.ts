import type { Confidence, EntityKind, OrgType, RelationshipType } from './enums';

/** A partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Validated by `parsePartialDate`. */
export type PartialDateString = string;

export interface EvidenceRecord {
  readonly sourceId: string;
  /** A verbatim substring of the source's text. */
  readonly quote: string;
  readonly confidence: Confidence;
  /**
   * Where the quote sits in the source's text: UTF-16 code-unit offsets (JavaScript string
   * indices), end exclusive, so `text.slice(start, end) === quote`. Set when the evidence is
   * stored (domain/quote-span), never searched for at read time.
   */
  readonly start: number;
  readonly end: number;
}

export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly publishedAt: PartialDateString | null;
  readonly url: string | null;
  /** The full text every quote is checked against. */
  readonly text: string;
}

export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Organizations only. */
  readonly orgType: OrgType | null;
  /** ISO 3166-1 alpha-2, where the source states it. */
  readonly country: string | null;
  /** Events (when it took place), laws and documents (when adopted or issued). */
  readonly date: PartialDateString | null;
  readonly evidence: readonly EvidenceRecord[];
}

export interface RelationshipRecord {
  readonly id: string;
  readonly type: RelationshipType;
  readonly fromId: string;
  readonly toId: string;
  readonly role: string | null;
  /** For participations: the body the participant acted for. */
  readonly onBehalfOfId: string | null;
  readonly startDate: PartialDateString | null;
  readonly endDate: PartialDateString | null;
  readonly description: string | null;
  readonly evidence: readonly EvidenceRecord[];
}

/** Records that travel together: a seed folder, an import file, one load. */
export interface RecordBatch {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}

/**
 * One evidence item seen from its source: the entity or relationship it supports (its holder)
 * and the item itself. Both stores list a source's citations in one order, compareCitations
 * (domain/compare).
 */
export interface CitationRecord {
  readonly holderKind: 'entity' | 'relationship';
  readonly holderId: string;
  readonly evidence: EvidenceRecord;
}
