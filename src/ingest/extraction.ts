import type { EntityKind, RelationshipType, Confidence } from '../domain/enums';

/**
 * What extraction proposes from one document, before anyone reviewed it: the shape of
 * `npm run ingest -- --dry-run --json` (issue 11) and of what the review queue stores. Every
 * proposal carries spans of the stored text: `text.slice(start, end) === quote`.
 */
export interface ProposedSpan {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

export interface ProposedEntity {
  /** Unique within one extraction; relationships refer to entities by it. */
  readonly ref: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The existing entity this mention resolves to, or null for a new one. */
  readonly existingId: string | null;
  /** For an event: its date (PartialDate), and where it came from. */
  readonly date?: string | null;
  readonly dateFrom?: 'DATELINE' | 'TEXT' | 'PUBLISHED_AT' | null;
  /** How a mention was matched to `existingId` (same name, initials, surname, acronym, country suffix). */
  readonly resolvedBy?: string | null;
  readonly evidence: readonly ProposedSpan[];
}

export interface ProposedRelationship {
  readonly ref: string;
  readonly type: RelationshipType;
  /** `ref`s of `entities`; `to` is null for a HOLDS_POSITION whose organization could not be told. */
  readonly from: string | null;
  readonly to: string | null;
  readonly role: string | null;
  readonly onBehalfOf: string | null;
  readonly confidence: Confidence;
  readonly evidence: readonly ProposedSpan[];
  /** Set when the proposal cannot be accepted as it is (a HOLDS_POSITION with `to: null`): what the reviewer must complete. */
  readonly reviewNote?: string;
}

export interface Extraction {
  readonly source: { readonly title: string; readonly publishedAt: string | null; readonly text: string };
  readonly entities: readonly ProposedEntity[];
  readonly relationships: readonly ProposedRelationship[];
}
