import { DocumentFormat } from '../domain/review';
import type { GraphStore } from '../ports/graph-store';
import { extractDocument, type IngestDocument } from './extract';
import type { Extraction } from './extraction';
import { buildGazetteer } from './gazetteer';

/**
 * One document, as an editor hands it to the API, extracted against a gazetteer of `store`'s
 * entities (the review queue's `Extractor`). HTML is read as an HTML file would be (down to its
 * main text; refused when empty or not English); text is taken exactly as given, since its spans
 * must index what the editor sent. For many documents, build one gazetteer and call
 * extractDocument instead.
 */
export async function extractFromStore(
  document: { readonly title: string; readonly text: string; readonly format: DocumentFormat; readonly publishedAt: string | null },
  store: GraphStore,
): Promise<Extraction> {
  const doc: IngestDocument =
    document.format === DocumentFormat.HTML
      ? await readHtml(document.text, document.title, document.publishedAt)
      : { text: document.text, title: document.title, publishedAt: document.publishedAt };
  return extractDocument(doc, await buildGazetteer(store));
}

/**
 * Loaded on the first HTML document only: the HTML reader pulls in a DOM library that every
 * request context (and every test that makes one) would otherwise load.
 */
async function readHtml(html: string, title: string, publishedAt: string | null): Promise<IngestDocument> {
  const { readDocument } = await import('./read-document');
  return readDocument(new TextEncoder().encode(html), { fileName: 'document.html', title, publishedAt });
}
