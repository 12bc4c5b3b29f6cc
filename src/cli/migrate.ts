import { Neo4jStore } from '../adapters/neo4j/neo4j-store';
import { neo4jOptionsFromConfig } from '../adapters/neo4j/options';
import { loadConfig } from '../config';
import { DomainError, ErrorCode } from '../domain/errors';
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

/** Configuration and store errors are written for people: print them plainly, the cause for the operator. */
function fail(e: unknown): never {
  if (e instanceof DomainError) {
    console.error(e.message);
    if (e.code === ErrorCode.STORE_UNAVAILABLE) {
      const cause = e.cause instanceof Error ? e.cause.message : String(e.cause);
      console.error(`Is Neo4j running at NEO4J_URI? For a local one: \`node scripts/neo4j.mjs\`. (driver: ${cause})`);
    }
  } else {
    console.error(e instanceof Error && !e.cause ? e.message : e);
  }
  process.exit(1);
}
