import { fail } from './fail';
import { Neo4jStore } from '../adapters/neo4j/neo4j-store';
import { neo4jOptionsFromConfig } from '../adapters/neo4j/options';
import { loadConfig } from '../config';
import { createLogger } from '../logger';

/** `npm run migrate`: creates the Neo4j constraints and indexes; safe to run any number of times. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const options = neo4jOptionsFromConfig(config);
  if (!options) {
    logger.info('NEO4J_URI is not set: the embedded store has no schema to migrate; nothing to do');
    return;
  }
  const store = Neo4jStore.create(options);
  try {
    const started = Date.now();
    await store.migrate();
    logger.info({ uri: options.uri, database: options.database, ms: Date.now() - started }, 'Neo4j schema is up to date');
  } finally {
    await store.close();
  }
}

main().then(() => process.exit(0), fail);
