import { fail } from './fail';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { migrateStore } from '../open-store';

const USAGE = `npm run migrate [-- --force]
  Brings the Neo4j schema (constraints, indexes, audit links) to this version's; safe to run any
  number of times. At the current version it only reads the recorded version; --force reruns the
  whole pass (e.g. after an index was dropped by hand).`;

/** `npm run migrate`: the Neo4j schema, through the composition root. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const config = loadConfig();
  const logger = createLogger(config);
  const started = Date.now();
  const result = await migrateStore(config, args.includes('--force'));
  if (result === null) {
    logger.info('NEO4J_URI is not set: the embedded store has no schema to migrate; nothing to do');
    return;
  }
  logger.info(
    { ...result, uri: config.NEO4J_URI, database: config.NEO4J_DATABASE, ms: Date.now() - started },
    result.ran ? 'Neo4j schema migrated' : 'Neo4j schema already at this version; nothing to do',
  );
}

main().then(() => process.exit(0), fail);
