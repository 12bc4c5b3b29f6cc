import { openStore } from '../open-store';
import { loadConfig } from '../config';
import { failureMessage } from './fail';
import { importFile } from '../import/import-graph';
import { IMPORT_USAGE, parseImportArgs } from '../import/import-args';
import { importSummary } from '../import/import-summary';
import { createLogger } from '../logger';

/**
 * `npm run import -- <file> [--dry-run] [--actor name]`: validates a JSON Lines or CSV file against
 * itself and the store the environment selects, then writes what is new or changed in one audited
 * write (several, each atomic, beyond 10,000 records). Problems go to stderr with their line numbers and exit code 1; nothing is written then.
 */
async function main(): Promise<number> {
  const args = parseImportArgs(process.argv.slice(2));
  if (args.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
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

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(failureMessage(e));
    process.exit(1);
  },
);
