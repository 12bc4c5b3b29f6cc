import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bulkImportNeo4j, countMismatches } from '../src/bulk-import/bulk-import';
import { bulkSummary } from '../src/bulk-import/bulk-summary';
import { writeJsonLines } from '../src/records/jsonl-writer';
import { generateGraphChunks } from '../src/synthetic/generate';

const USAGE = 'usage: npm run bench:bulk -- [--relationships 1000000 | --file <file.jsonl>] [--seed 42] [--heap 2g] [--keep]';

/**
 * `npm run bench:bulk`: a synthetic file of 1M relationships (or --file) bulk-loaded into a new Neo4j
 * database with `--bulk-neo4j`'s own code, timed by phase from the JSON Lines file to a migrated and
 * verified database. Prints the phases, relationships/s for the importer and end to end, and the
 * machine's load (a busy machine slows every phase). The database is deleted unless --keep.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      relationships: { type: 'string' },
      file: { type: 'string' },
      seed: { type: 'string' },
      heap: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return console.log(USAGE);
  const work = mkdtempSync(join(tmpdir(), 'rightsgraph-bench-bulk-'));
  const dataDir = join(work, 'db');
  try {
    let file = values.file;
    if (file === undefined) {
      const relationships = Number((values.relationships ?? '1000000').replace(/_/g, ''));
      if (!Number.isSafeInteger(relationships) || relationships < 1) throw new Error(`--relationships needs a positive integer\n${USAGE}`);
      file = join(work, `synthetic-${relationships}.jsonl`);
      const started = performance.now();
      const written = writeJsonLines(file, generateGraphChunks({ relationships, seed: Number(values.seed ?? 42) }));
      console.error(`generated ${file}: ${written.lines} lines, ${(written.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below)`);
    }
    const load = loadavg()[0]!.toFixed(1);
    console.log(`machine: ${cpus().length} cores, load average ${load} at start; file ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const result = await bulkImportNeo4j(file, dataDir, { actor: 'bench-bulk', heap: values.heap, onProgress: (m) => console.error(m) });
    console.log(bulkSummary(result, file, values.keep ? dataDir : '<temporary database>'));
    console.log(`load average ${loadavg()[0]!.toFixed(1)} at the end`);
    if (!result.ok || countMismatches(result.counts).length > 0) process.exitCode = 1;
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
