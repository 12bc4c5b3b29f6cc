import { Confidence, EntityKind, RelationshipType } from '../../src/domain/enums';
import type { Extraction, ProposedEntity, ProposedRelationship, ProposedSpan } from '../../src/ingest/extraction';
import type { Extractor } from '../../src/review/extractor';

/**
 * A small composed document and the extraction the review queue tests file from it, fixed so they
 * test the queue, not the extractor. Roman Vassilenko is in the seed (Deputy Foreign Minister at
 * kz-mfa), so his post here contradicts the stored one.
 */
export const REVIEW_TEXT =
  'Roman Vassilenko, Ambassador to the United Nations, met Aigerim Nurlanova, Director of the Bureau for Civic Dialogue. ' +
  'Aigerim Nurlanova also serves as spokesperson.';

export function span(text: string, quote: string): ProposedSpan {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { quote, start, end: start + quote.length };
}

const entity = (text: string, ref: string, kind: EntityKind, name: string, existingId: string | null = null): ProposedEntity => ({
  ref,
  kind,
  name,
  aliases: [],
  existingId,
  evidence: [span(text, name)],
});

const holds = (text: string, ref: string, from: string, to: string | null, role: string, quote: string): ProposedRelationship => ({
  ref,
  type: RelationshipType.HOLDS_POSITION,
  from,
  to,
  role,
  onBehalfOf: null,
  confidence: Confidence.HIGH,
  evidence: [span(text, quote)],
});

/** Proposals, once filed as ingestion I: I-e0001..e0004 (Vassilenko, UN, Nurlanova, Bureau), I-r0001..r0003. */
export function reviewExtraction(text: string = REVIEW_TEXT, title = 'Composed meeting note'): Extraction {
  return {
    source: { title, publishedAt: '2024-02-01', text },
    entities: [
      entity(text, 'p1', EntityKind.PERSON, 'Roman Vassilenko', 'roman-vassilenko'),
      entity(text, 'o1', EntityKind.ORGANIZATION, 'United Nations'),
      entity(text, 'p2', EntityKind.PERSON, 'Aigerim Nurlanova'),
      entity(text, 'o2', EntityKind.ORGANIZATION, 'Bureau for Civic Dialogue'),
    ],
    relationships: [
      holds(text, 'r1', 'p1', 'o1', 'Ambassador', 'Roman Vassilenko, Ambassador to the United Nations'),
      holds(text, 'r2', 'p2', 'o2', 'Director', 'Aigerim Nurlanova, Director of the Bureau for Civic Dialogue'),
      holds(text, 'r3', 'p2', null, 'spokesperson', 'Aigerim Nurlanova also serves as spokesperson'),
    ],
  };
}

/** Extracts every document as reviewExtraction would its text (the spans are found in it). */
export const fixedExtractor: Extractor = async (document) => reviewExtraction(document.text, document.title);
