import { fail } from './fail';
import { Neo4jStore } from '../adapters/neo4j/neo4j-store';
import { neo4jOptionsFromConfig } from '../adapters/neo4j/options';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import type { GraphBatch } from '../ports/graph-store';
import { loadSeedDirectory } from '../seed/read-seed';

/** `npm run seed`: loads seed/ (or SEED_DIR) into Neo4j, migrating first; idempotent. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const options = neo4jOptionsFromConfig(config);
  if (!options) {
    logger.info('NEO4J_URI is not set: the embedded store loads the seed itself at start; nothing to do');
    return;
  }
  const batch = loadSeedDirectory(config.SEED_DIR);
  const store = Neo4jStore.create(options);
  try {
    const started = Date.now();
    await store.migrate();
    for (const part of parts(batch)) await store.upsert(part);
    logger.info(
      {
        uri: options.uri,
        database: options.database,
        sources: batch.sources.length,
        entities: batch.entities.length,
        relationships: batch.relationships.length,
        ms: Date.now() - started,
      },
      'seed loaded into Neo4j',
    );
  } finally {
    await store.close();
  }
}

main().then(() => process.exit(0), fail);

/** Records per upsert (one transaction each), so a large SEED_DIR never becomes one huge transaction. */
const PART_SIZE = 5000;

/** Sources, then entities, then relationships, so every part refers only to what is already loaded. */
function* parts(batch: GraphBatch): Generator<GraphBatch> {
  for (let i = 0; i < batch.sources.length; i += PART_SIZE) {
    yield { sources: batch.sources.slice(i, i + PART_SIZE), entities: [], relationships: [] };
  }
  for (let i = 0; i < batch.entities.length; i += PART_SIZE) {
    yield { sources: [], entities: batch.entities.slice(i, i + PART_SIZE), relationships: [] };
  }
  for (let i = 0; i < batch.relationships.length; i += PART_SIZE) {
    yield { sources: [], entities: [], relationships: batch.relationships.slice(i, i + PART_SIZE) };
  }
}
