import { openStore } from '../open-store';
import { loadConfig } from '../config';
import { failureMessage } from './fail';
import { importFile } from '../import/import-graph';
import { IMPORT_USAGE, parseImportArgs } from '../import/import-args';
import { importSummary } from '../import/import-summary';
import { createLogger } from '../logger';
import { BulkImportRefused, bulkImportNeo4j, countMismatches } from '../bulk-import/bulk-import';
import { bulkSummary } from '../bulk-import/bulk-summary';

/**
 * `npm run import -- <file> [--dry-run] [--actor name]`: validates a JSON Lines or CSV file against
 * itself and the store the environment selects, then writes what is new or changed in one audited
 * write (several, each atomic, beyond what one Neo4j transaction holds: src/import/write-chunks.ts).
 * Problems go to stderr with their line numbers and exit code 1; nothing is written then. A store
 * refusal (STORE_LIMIT: a memory limit of Neo4j) goes to stderr as it is, with exit code 1.
 * With `--bulk-neo4j <file> --data <DIR>` the file instead becomes a new Neo4j database (src/bulk-import).
 */
async function main(): Promise<number> {
  const args = parseImportArgs(process.argv.slice(2));
  if (args.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  if (args.bulk) return bulkImport(args.file, args.bulk.data, args.actor, args.bulk.heap);
  const config = loadConfig();
  const logger = createLogger(config);
  const store = await openStore(config, logger);
  try {
    // Fail now rather than after reading a large file.
    await store.ping();
    const result = await importFile(store, args.file, {
      dryRun: args.dryRun,
      actor: args.actor,
      onProgress: (message) => console.error(message),
    });
    if (result.problems.length > 0) {
      console.error(importSummary(result));
      return 1;
    }
    console.log(importSummary(result));
    return 0;
  } finally {
    await store.close();
  }
}

/** `--bulk-neo4j`: no store from the environment; the file goes into a new database of its own (src/bulk-import). */
async function bulkImport(file: string, data: string, actor: string, heap: string | undefined): Promise<number> {
  try {
    const result = await bulkImportNeo4j(file, data, { actor, heap, onProgress: (message) => console.error(message) });
    const summary = bulkSummary(result, file, data);
    const failed = !result.ok || countMismatches(result.counts).length > 0;
    (failed ? console.error : console.log)(summary);
    return failed ? 1 : 0;
  } catch (e) {
    if (e instanceof BulkImportRefused) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(failureMessage(e));
    process.exit(1);
  },
);
