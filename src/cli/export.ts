import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { openStore } from '../open-store';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { failureMessage } from './fail';
import { EXPORT_USAGE, parseExportArgs } from '../export/export-args';
import { exportGraph } from '../export/export-graph';

/**
 * `npm run export -- --format jsonl|graphml|gexf|cytoscape [--out file]`: streams the whole graph
 * of the store the environment selects. stdout carries only the export; logs and progress go to
 * stderr. With --out, the file appears only once the export is complete.
 */
async function main(): Promise<void> {
  const args = parseExportArgs(process.argv.slice(2));
  if (args.help) {
    console.log(EXPORT_USAGE);
    return;
  }
  const config = loadConfig();
  // Logs on stderr, unlike the server's: stdout may be the export itself.
  const logger = createLogger(config, 2);
  const store = await openStore(config, logger);
  const onProgress = (message: string): void => console.error(message);
  try {
    await store.ping();
    if (args.out === null) {
      // A closed pipe (`| head`) is the reader's choice, not a failure.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
      const counts = await exportGraph(store, args.format, process.stdout, { onProgress });
      // process.exit below must not cut off what is still queued for a pipe.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      logger.info({ format: args.format, ...counts }, 'graph exported');
      return;
    }
    const partial = `${args.out}.partial`;
    const out = createWriteStream(partial);
    try {
      const counts = await exportGraph(store, args.format, out, { onProgress });
      out.end();
      await once(out, 'finish');
      await rename(partial, args.out);
      logger.info({ format: args.format, out: args.out, ...counts }, 'graph exported');
    } catch (e) {
      out.destroy();
      await rm(partial, { force: true });
      throw e;
    }
  } finally {
    await store.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(failureMessage(e));
    process.exit(1);
  },
);
