import { loadConfig } from '../config';
import type { GraphBatch } from '../ports/graph-store';
import { createLogger } from '../logger';
import { parseSeedSyntheticArgs, SEED_SYNTHETIC_USAGE } from '../synthetic/cli-options';
import { generateGraphChunks } from '../synthetic/generate';
import { writeJsonLines } from '../records/jsonl-writer';
import { GraphTally } from '../synthetic/tally';

/**
 * `npm run seed:synthetic -- --relationships 100000 --seed 42 [--out file.jsonl]`: generates a
 * deterministic synthetic graph. With --out it writes seed JSON Lines; without, it reports what
 * it would load. Loading into a store belongs to the store-selected seeding, not to this command.
 */
async function main(): Promise<void> {
  const args = parseSeedSyntheticArgs(process.argv.slice(2));
  if (args.help) {
    console.log(SEED_SYNTHETIC_USAGE);
    return;
  }
  const logger = createLogger(loadConfig());
  const started = Date.now();
  const tally = new GraphTally();
  function* tallied(): Generator<GraphBatch> {
    for (const batch of generateGraphChunks(args)) {
      tally.add(batch);
      yield batch;
    }
  }
  if (args.out !== null) {
    const written = writeJsonLines(args.out, tallied());
    logger.info(
      { seed: args.seed, ...tally.summary(), out: args.out, lines: written.lines, bytes: written.bytes, ms: Date.now() - started },
      'synthetic graph written as seed JSON Lines',
    );
    return;
  }
  for (const batch of tallied()) void batch;
  logger.info(
    { seed: args.seed, ...tally.summary(), ms: Date.now() - started },
    'synthetic graph generated; nothing was loaded. Loading into a store is done by the store-selected seeding: ' +
      'write the graph with --out into a seed folder, or call loadSynthetic(store, options) from src/synthetic/load-synthetic.ts',
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
