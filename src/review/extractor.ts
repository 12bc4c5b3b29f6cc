import { badInput } from '../domain/errors';
import type { DocumentFormat } from '../domain/review';
import type { Extraction } from '../ingest/extraction';
import type { GraphStore } from '../ports/graph-store';

/** A document as an editor hands it in, before extraction. */
export interface DocumentInput {
  readonly title: string;
  readonly text: string;
  readonly format: DocumentFormat;
  readonly publishedAt: string | null;
}

/**
 * Documents -> proposed facts (src/ingest). Handed to the API through the request context, so
 * tests can give a fixed extraction; `store` is where existing entities are resolved from.
 * The extraction's `source.text` is what gets stored and quoted (for HTML, the text read out of it).
 */
export type Extractor = (document: DocumentInput, store: GraphStore) => Promise<Extraction>;

/**
 * Most characters ingestDocument extracts from in one request. Extraction runs on the event loop
 * at ~8 ms per 1,000 characters, so this bounds how long one document holds every other request
 * (~1.5 s); press releases are a few tens of thousands. Longer documents go through `npm run ingest`.
 */
export const MAX_DOCUMENT_CHARS = 200_000;

/** Refuses a document over MAX_DOCUMENT_CHARS before any work is done on it. */
export function checkDocumentSize(document: DocumentInput): void {
  if (document.text.length <= MAX_DOCUMENT_CHARS) return;
  throw badInput(
    `The document has ${document.text.length.toLocaleString('en')} characters; ingestDocument takes at most ` +
      `${MAX_DOCUMENT_CHARS.toLocaleString('en')}. Split it into parts, or file it with \`npm run ingest\`, which has no such limit.`,
    { field: 'input.text', length: document.text.length, limit: MAX_DOCUMENT_CHARS },
  );
}
