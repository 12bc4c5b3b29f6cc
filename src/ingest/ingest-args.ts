import { parseArgs } from 'node:util';

export const INGEST_USAGE = `Usage: npm run ingest -- <file.txt|file.html> [--title T] [--publisher P] [--published-at YYYY-MM-DD] [--url U] [--dry-run] [--json]
       npm run ingest -- --dir <folder> [--dry-run] [--json]

  <file>          plain text (UTF-8) or an HTML page (main text extracted, boilerplate dropped); at most 1 MB
  --title         the source's title (default: the HTML title, else the file name)
  --publisher     the source's publisher
  --published-at  publication date (default: the dateline's date, if the text has one)
  --url           where the document was published
  --dir           every .txt/.htm/.html file of a folder, with a progress bar on stderr
  --dry-run       propose facts and print them; write nothing (the store is only read, to resolve names)
  --json          print exactly one JSON object on stdout (the extraction; with --dir, {"documents": [...]})`;

export interface IngestArgs {
  readonly help: boolean;
  readonly file: string | null;
  readonly dir: string | null;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly publishedAt: string | null;
  readonly url: string | null;
  readonly dryRun: boolean;
  readonly json: boolean;
}

/** Parses the CLI arguments; throws an Error whose message is meant for the user. */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        title: { type: 'string' },
        publisher: { type: 'string' },
        'published-at': { type: 'string' },
        url: { type: 'string' },
        dir: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${INGEST_USAGE}`, { cause: e });
  }
  const { values: v, positionals } = parsed;
  const base = { title: v.title ?? null, publisher: v.publisher ?? null, publishedAt: v['published-at'] ?? null, url: v.url ?? null, dryRun: v['dry-run'] === true, json: v.json === true };
  if (v.help) return { help: true, file: null, dir: null, ...base };
  if (v.dir !== undefined && positionals.length > 0) throw new Error(`give either a file or --dir, not both\n\n${INGEST_USAGE}`);
  if (v.dir === undefined && positionals.length !== 1) throw new Error(`expected exactly one file to ingest, got ${positionals.length}\n\n${INGEST_USAGE}`);
  if (base.publishedAt !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(base.publishedAt)) throw new Error(`--published-at must be a date YYYY[-MM[-DD]]; got "${base.publishedAt}"`);
  return { help: false, file: positionals[0] ?? null, dir: v.dir ?? null, ...base };
}
