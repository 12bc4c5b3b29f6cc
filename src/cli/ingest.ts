import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../config';
import { extractDocument, type IngestDocument } from '../ingest/extract';
import type { Extraction } from '../ingest/extraction';
import { buildGazetteer, type Gazetteer } from '../ingest/gazetteer';
import { INGEST_USAGE, parseIngestArgs, type IngestArgs } from '../ingest/ingest-args';
import { MAX_DOCUMENT_BYTES, readDocument } from '../ingest/read-document';
import { createLogger } from '../logger';
import { openStore } from '../open-store';
import type { Store } from '../ports/store';
import { fileIngestion, type Filed } from '../review/review-service';
import { failureMessage } from './fail';

/**
 * `npm run ingest -- <file> [--dry-run] [--json]` and `--dir <folder>`: reads a text or HTML
 * document, proposes its facts against the names the store already holds, and (without --dry-run)
 * files them as an ingestion for review. stdout carries only the result; logs go to stderr.
 */
/** Files one extraction into the review queue (one atomic, audited write; the same text twice is filed once). */
function fileExtraction(store: Store, extraction: Extraction, doc: IngestDocument): Promise<Filed> {
  return fileIngestion(store, extraction, { title: doc.title, publisher: doc.publisher, publishedAt: doc.publishedAt, url: doc.url });
}

function readOne(path: string, args: IngestArgs): IngestDocument {
  const size = statSync(path).size;
  // Refuse before reading a huge file into memory.
  if (size > MAX_DOCUMENT_BYTES) return readDocument(new Uint8Array(size), { fileName: basename(path) });
  return readDocument(readFileSync(path), { fileName: basename(path), title: args.title, publisher: args.publisher, publishedAt: args.publishedAt, url: args.url });
}

function progress(done: number, total: number, failed: number): void {
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${failed ? `, ${failed} refused` : ''}`);
  if (done === total) process.stderr.write('\n');
}

async function main(): Promise<number> {
  const args = parseIngestArgs(process.argv.slice(2));
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  const config = loadConfig();
  // stdout carries only the result (with --json, exactly one JSON object): logs go to stderr.
  const logger = createLogger(config, 2);
  // Read the documents first, so a bad file is refused before the store is opened.
  const files = args.dir ? readdirSync(args.dir).filter((f) => /\.(txt|html?)$/i.test(f)).sort().map((f) => join(args.dir!, f)) : [args.file!];
  const single = args.dir ? null : readOne(files[0]!, args);
  const store = await openStore(config, logger);
  let gazetteer: Gazetteer;
  try {
    gazetteer = await buildGazetteer(store);
    if (gazetteer.entries.length === 0) {
      logger.warn('the store holds no persons or organizations: no name can be resolved to an existing entity (start the server once, or `npm run seed`)');
    }
    if (single) {
      const extraction = extractDocument(single, gazetteer);
      const filed = args.dryRun ? null : await fileExtraction(store, extraction, single);
      console.log(args.json ? JSON.stringify(extraction) : summary(files[0]!, extraction, filed));
      return 0;
    }
    const results: unknown[] = [];
    let failed = 0;
    for (const [i, path] of files.entries()) {
      try {
        const doc = readOne(path, { ...args, title: null });
        const extraction = extractDocument(doc, gazetteer);
        const filed = args.dryRun ? null : await fileExtraction(store, extraction, doc);
        results.push(args.json ? { file: path, ingestionId: filed?.ingestion.id ?? null, extraction } : summary(path, extraction, filed));
      } catch (e) {
        failed++;
        results.push(args.json ? { file: path, error: failureMessage(e) } : `${path}: refused: ${failureMessage(e)}`);
      }
      progress(i + 1, files.length, failed);
    }
    console.log(args.json ? JSON.stringify({ documents: results }) : results.join('\n'));
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

function summary(path: string, x: Extraction, filed: Filed | null): string {
  const event = x.entities.find((e) => e.kind === 'EVENT');
  const outcome =
    filed === null
      ? 'dry run: nothing written'
      : filed.created
        ? `filed for review as ingestion ${filed.ingestion.id}`
        : `the same text was filed before, as ingestion ${filed.ingestion.id}: nothing proposed again`;
  const lines = [`${path}: ${x.entities.length} entities, ${x.relationships.length} relationships (${outcome})`];
  if (event) lines.push(`  event: ${event.name} (${event.date ?? 'no date'}, from ${event.dateFrom ?? '-'})`);
  const name = (ref: string | null): string => (ref === null ? '(to be chosen)' : (x.entities.find((e) => e.ref === ref)?.name ?? ref));
  for (const r of x.relationships) lines.push(`  ${r.type} ${name(r.from)} -> ${name(r.to)}${r.role ? ` [${r.role}]` : ''} ${r.confidence}: "${r.evidence[0]?.quote ?? ''}"`);
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(failureMessage(e));
    process.exit(1);
  },
);
