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
