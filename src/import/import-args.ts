import { parseArgs } from 'node:util';
import { DEFAULT_IMPORT_ACTOR } from './import-graph';

export const IMPORT_USAGE = `Usage: npm run import -- <file.jsonl|file.csv> [--dry-run] [--actor <name>]
       npm run import -- --bulk-neo4j <file.jsonl> --data <DIR> [--actor <name>] [--heap <size>]

  <file>      JSON Lines in the seed record shape (seed/README.md), or CSV (by the .csv extension):
              entities   id,kind,name,aliases,orgType,country,date,description,sourceId,quote,confidence
              relationships  id,type,fromId,toId,role,onBehalfOfId,startDate,endDate,description,sourceId,quote,confidence
              (aliases |-separated; one evidence item per row; the sources must already be in the store)
  --dry-run   validate against the store and report what would be written; write nothing
  --actor     name recorded in the audit entry (default ${DEFAULT_IMPORT_ACTOR})
  --bulk-neo4j  load a large JSON Lines file into a NEW Neo4j database in DIR with Neo4j's offline importer
              (DIR must be new or empty; \`npm run neo4j -- --data DIR\` serves it afterwards), then migrate
              its schema and check its counts; for first loads at scale (see README, "Large loads")
  --data      the new database's directory (with --bulk-neo4j)
  --heap      JVM heap of the importer and of the Neo4j that migrates and verifies (with --bulk-neo4j; default 2g)

Every line is validated first; any problem refuses the whole file (exit code 1) and nothing is written.
Records the store already holds unchanged are skipped, so importing the same file twice writes nothing.`;

export interface ImportArgs {
  readonly help: boolean;
  readonly file: string;
  readonly dryRun: boolean;
  readonly actor: string;
  /** Present with --bulk-neo4j: the file goes into a new Neo4j database in `data` (src/bulk-import). */
  readonly bulk?: { readonly data: string; readonly heap: string | undefined };
}

/** Parses the CLI arguments; throws an Error whose message is meant for the user. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'dry-run': { type: 'boolean' },
        actor: { type: 'string' },
        'bulk-neo4j': { type: 'string' },
        data: { type: 'string' },
        heap: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${IMPORT_USAGE}`, { cause: e });
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, file: '', dryRun: false, actor: DEFAULT_IMPORT_ACTOR };
  const actor = values.actor?.trim() ?? DEFAULT_IMPORT_ACTOR;
  if (actor === '' || actor.length > 200) throw new Error('--actor needs a name of 1 to 200 characters');
  const bulkFile = values['bulk-neo4j'];
  if (bulkFile !== undefined) {
    if (positionals.length > 0) throw new Error(`--bulk-neo4j takes the file as its value; unexpected ${positionals.join(' ')}\n\n${IMPORT_USAGE}`);
    if (values['dry-run']) throw new Error('--dry-run does not go with --bulk-neo4j (which validates the whole file before it writes anything)');
    if (bulkFile.trim() === '') throw new Error('--bulk-neo4j needs a JSON Lines file');
    if (!values.data?.trim()) throw new Error(`--bulk-neo4j needs --data <DIR>, a new or empty directory for the database\n\n${IMPORT_USAGE}`);
    if (values.heap !== undefined && !/^[1-9][0-9]*[kmg]?$/i.test(values.heap)) throw new Error(`--heap needs a size such as 2g or 1536m, got '${values.heap}'`);
    return { help: false, file: bulkFile, dryRun: false, actor, bulk: { data: values.data, heap: values.heap } };
  }
  if (values.data !== undefined || values.heap !== undefined) throw new Error('--data and --heap go with --bulk-neo4j only');
  if (positionals.length !== 1) throw new Error(`expected exactly one file to import, got ${positionals.length}\n\n${IMPORT_USAGE}`);
  return { help: false, file: positionals[0]!, dryRun: values['dry-run'] === true, actor };
}
