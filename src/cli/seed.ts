import { fail } from './fail';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStore } from '../open-store';
import { loadSeedDirectory } from '../seed/read-seed';
import { seedStore } from '../seed/seed-store';

/**
 * `npm run seed`: loads seed/ (or SEED_DIR) into the store the environment selects (Neo4j with
 * NEO4J_URI, else the embedded store in DATA_DIR); idempotent, so running it again changes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const batch = await loadSeedDirectory(config.SEED_DIR);
  const store = await openStore(config, logger);
  try {
    const started = Date.now();
    await store.ping();
    await seedStore(store, batch);
    logger.info(
      {
        store: store.kind,
        sources: batch.sources.length,
        entities: batch.entities.length,
        relationships: batch.relationships.length,
        ms: Date.now() - started,
      },
      'seed loaded',
    );
  } finally {
    await store.close();
  }
}

main().then(() => process.exit(0), fail);
