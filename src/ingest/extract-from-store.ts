import { DocumentFormat } from '../domain/review';
import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites } from '../ports/graph-writes';
import { extractDocument, type IngestDocument } from './extract';
import type { Extraction } from './extraction';
import { buildGazetteer } from './gazetteer';
import { GazetteerCache } from './gazetteer-cache';

/** A document as an editor hands it to the API (the review queue's EditorDocument). */
interface EditorDocument {
  readonly title: string;
  readonly text: string;
  readonly format: DocumentFormat;
  readonly publishedAt: string | null;
}

/**
 * One document, as an editor hands it to the API, extracted against a gazetteer of `store`'s
 * entities read for it (the review queue's default `Extractor`). For many documents, or a server,
 * use storeExtractor, which keeps one gazetteer current instead of reading it each time.
 */
export async function extractFromStore(document: EditorDocument, store: GraphStore): Promise<Extraction> {
  return extractDocument(await asIngestDocument(document), await buildGazetteer(store));
}

/**
 * The server's extractor: one gazetteer of `store`, kept current from its audit log
 * (gazetteer-cache.ts). The per-request store handed to it is the same store, counted, and unused.
 */
export function storeExtractor(store: GraphStore & Pick<GraphWrites, 'changes'>): (document: EditorDocument) => Promise<Extraction> {
  const cache = new GazetteerCache(store);
  return async (document) => extractDocument(await asIngestDocument(document), await cache.current());
}

/**
 * HTML is read as an HTML file would be (down to its main text; refused when empty or not
 * English); text is taken exactly as given, since its spans must index what the editor sent.
 */
function asIngestDocument(document: EditorDocument): Promise<IngestDocument> | IngestDocument {
  return document.format === DocumentFormat.HTML
    ? readHtml(document.text, document.title, document.publishedAt)
    : { text: document.text, title: document.title, publishedAt: document.publishedAt };
}

/**
 * Loaded on the first HTML document only: the HTML reader pulls in a DOM library that every
 * request context (and every test that makes one) would otherwise load.
 */
async function readHtml(html: string, title: string, publishedAt: string | null): Promise<IngestDocument> {
  const { readDocument } = await import('./read-document');
  return readDocument(new TextEncoder().encode(html), { fileName: 'document.html', title, publishedAt });
}
