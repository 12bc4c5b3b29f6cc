/**
 * `npm run bench:traversals [-- --skip-1m] [-- --stores embedded,neo4j]`: load and traversal
 * figures on synthetic graphs, printed as a table. Not a test: it times things, so it only reports.
 * (a) embedded: upserting 1M relationships, in a child process, with its RSS afterwards;
 * (b) Neo4j: loading 1M relationships through upsert, in relationships per second, beside the
 *     server's floor (./neo4j-load-floor.ts) for the same relationships;
 * (c) both: traversal latencies on a 100k-relationship graph.
 * Neo4j is its own, on 127.0.0.1 and a temporary store, stopped at the end.
 */
import { cpus, loadavg } from 'node:os';
import type { Neo4jOptions } from '../src/adapters/neo4j/driver';
import type { RelationshipRecord } from '../src/domain/records';
import { generateGraphChunks } from '../src/synthetic/generate';
import type { TraversalStore } from './traversal-store';
import { SYNTHETIC_HUB_IDS } from '../src/synthetic/hubs';
import { parseBenchArgs } from './args';
import { Neo4jTestHooks } from '../test/support/neo4j-test-hooks';
import { startBenchNeo4j, type BenchNeo4j } from './bench-neo4j';
import { embeddedLoadInChild } from './embedded-load';
import { measureLoadFloor, type FloorFigures } from './neo4j-load-floor';
import { ms, rssMb } from './stats';
import { printTable, verdict, type Row } from './table';
import { perSecond, timedLoad, type LoadFigures } from './timed-load';
import { measureTraversals, type Probes } from './traversal-latency';
import { memoryStore, neo4jStore } from '../src/open-store';

const BIG = 1_000_000;
/** How many of the 1M relationships the floor probe creates again. */
const FLOOR_RELATIONSHIPS = 200_000;
const MEDIUM = 100_000;
const SEED = 42;
/** Targets (p99 for latencies). */
const TARGETS = {
  pathEmbeddedMs: 50,
  pathNeo4jMs: 100,
  neighborhoodMs: 100,
  neo4jRelationshipsPerSecond: 50_000,
} as const;

/**
 * The bench's server gets memory a production one would have (the machine has 24 GB); the test
 * launcher's 512 MB heap and 64 MB page cache would measure page-cache misses, not the queries.
 */
const NEO4J_MEMORY = { heap: '2g', pageCache: '1g' } as const;

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function probesFor(store: TraversalStore): Promise<Probes> {
  // Spread over the id ranges of a 100k graph (8,333 people, 4,000 events); misses are dropped.
  const candidates = Array.from({ length: 20 }, (_, k) => (k % 2 ? `syn-p-${1 + ((k * 409) % 8333)}` : `syn-e-${1 + ((k * 197) % 4000)}`));
  const found = await store.getEntities(candidates);
  return { hubs: SYNTHETIC_HUB_IDS, ordinary: candidates.filter((_, i) => found[i] !== null) };
}

function loadRows(part: string, store: string, figures: LoadFigures, target: boolean): Row[] {
  const relRate = perSecond(figures.relationships, figures.relationshipMs);
  const allRate = perSecond(figures.relationships, figures.upsertMs);
  return [
    {
      part,
      store,
      measure: `upsert ${figures.sources} sources + ${figures.entities} entities + ${figures.relationships} relationships`,
      figure: `${(figures.upsertMs / 1000).toFixed(1)} s in upsert (${(figures.wallMs / 1000).toFixed(1)} s with generation)`,
      target: '',
      verdict: '',
    },
    {
      part,
      store,
      measure: 'relationships/s, relationship chunks only',
      figure: `${relRate.toLocaleString('en-US')}/s (${(figures.relationshipMs / 1000).toFixed(1)} s)`,
      target: target ? `>= ${TARGETS.neo4jRelationshipsPerSecond.toLocaleString('en-US')}/s` : '',
      verdict: target ? verdict(relRate, TARGETS.neo4jRelationshipsPerSecond, true) : '',
    },
    { part, store, measure: 'relationships/s, whole load (all upserts)', figure: `${allRate.toLocaleString('en-US')}/s`, target: '', verdict: '' },
  ];
}

/** The first `count` relationships of the 1M graph, in the chunks upsert received them in. */
function firstRelationshipChunks(count: number): (readonly RelationshipRecord[])[] {
  const out: (readonly RelationshipRecord[])[] = [];
  let taken = 0;
  for (const batch of generateGraphChunks({ relationships: BIG, seed: SEED })) {
    if (batch.relationships.length === 0) continue;
    out.push(batch.relationships);
    taken += batch.relationships.length;
    if (taken >= count) break;
  }
  return out;
}

function floorRows(f: FloorFigures): Row[] {
  const row = (measure: string, ms: number): Row => ({
    part: '(b) 1M',
    store: 'neo4j',
    measure,
    figure: `${perSecond(f.relationships, ms).toLocaleString('en-US')}/s (${f.relationships} in ${(ms / 1000).toFixed(1)} s)`,
    target: '',
    verdict: '',
  });
  return [
    row('floor: same ends and chunks, bare CREATE (no properties, index or id check)', f.bareMs),
    row("floor: same, with upsert's properties (no index, no id check)", f.withPropertiesMs),
  ];
}

async function latencyRows(kind: 'embedded' | 'neo4j', store: TraversalStore): Promise<Row[]> {
  const probes = await probesFor(store);
  const rows: Row[] = [];
  for (const f of await measureTraversals(store, probes)) {
    const limit = f.measure.startsWith('shortestPaths hub')
      ? kind === 'embedded' ? TARGETS.pathEmbeddedMs : TARGETS.pathNeo4jMs
      : f.measure.startsWith('neighborhood') ? TARGETS.neighborhoodMs : null;
    rows.push({
      part: '(c) 100k',
      store: kind,
      measure: `${f.measure} [${f.answer}]`,
      figure: `p50 ${ms(f.latency.p50)}, p99 ${ms(f.latency.p99)}, max ${ms(f.latency.max)} (${f.latency.runs} runs)`,
      target: limit === null ? '' : `p99 < ${limit} ms`,
      verdict: limit === null ? '' : verdict(f.latency.p99, limit),
    });
  }
  return rows;
}

async function embeddedPart(rows: Row[], skip1m: boolean): Promise<void> {
  if (!skip1m) {
    progress('(a) embedded: loading 1M relationships in a child process');
    const f = await embeddedLoadInChild(BIG);
    rows.push(...loadRows('(a) 1M', 'embedded', f, false).slice(0, 2));
    rows.push({ part: '(a) 1M', store: 'embedded', measure: 'RSS after load (child, after gc)', figure: `${f.rssAfterMb} MB (${f.rssBeforeMb} MB before; heap used ${f.heapUsedMb} MB)`, target: '', verdict: '' });
  }
  progress('(c) embedded: loading 100k relationships');
  const store = memoryStore();
  const load = await timedLoad(store, { relationships: MEDIUM, seed: SEED });
  rows.push({ part: '(c) 100k', store: 'embedded', measure: 'load 100k relationships', figure: `${(load.upsertMs / 1000).toFixed(1)} s in upsert`, target: '', verdict: '' });
  progress('(c) embedded: traversal latencies');
  rows.push(...(await latencyRows('embedded', store)));
  await store.close();
}

async function neo4jPart(rows: Row[], skip1m: boolean): Promise<void> {
  progress('starting a Neo4j of our own on 127.0.0.1');
  const server: BenchNeo4j = await startBenchNeo4j(NEO4J_MEMORY);
  const options: Neo4jOptions = { uri: server.uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 30_000 };
  const store = neo4jStore(options);
  try {
    await store.migrate();
    progress('(c) neo4j: loading 100k relationships');
    const load = await timedLoad(store, { relationships: MEDIUM, seed: SEED });
    rows.push(...loadRows('(c) 100k', 'neo4j', load, false).slice(0, 2));
    progress('(c) neo4j: traversal latencies');
    rows.push(...(await latencyRows('neo4j', store)));
    if (!skip1m) {
      progress('(b) neo4j: emptying the store, then loading 1M relationships');
      const hooks = Neo4jTestHooks.create(options);
      await hooks.wipe();
      await hooks.close();
      const big = await timedLoad(store, { relationships: BIG, seed: SEED });
      rows.push(...loadRows('(b) 1M', 'neo4j', big, true));
      progress('(b) neo4j: the floor, creating the first 200k of those relationships again without upsert');
      rows.push(...floorRows(await measureLoadFloor(options, firstRelationshipChunks(FLOOR_RELATIONSHIPS))));
    }
  } finally {
    await store.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
  const rows: Row[] = [];
  if (args.stores.includes('embedded')) await embeddedPart(rows, args.skip1m);
  if (args.stores.includes('neo4j')) await neo4jPart(rows, args.skip1m);
  // Latencies mean little without the machine's other load beside them.
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(
    `\nrightsgraph traversal bench (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, ` +
      `load average at the end ${load} (at the start ${loadAtStart}), seed ${SEED}, bench RSS ${rssMb()} MB, ${((Date.now() - started) / 1000).toFixed(0)} s)\n\n`,
  );
  printTable(rows);
  if (args.stores.includes('neo4j')) {
    process.stdout.write(
      `\nNeo4j: the launcher of neo4j/ (scripts/neo4j-process.mjs) with heap ${NEO4J_MEMORY.heap}, page cache ${NEO4J_MEMORY.pageCache}, parallel GC, 128 MB per transaction.\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    // The store's errors hide the driver's text from API callers; an operator wants it here.
    for (let cause: unknown = e; cause; cause = cause instanceof Error ? cause.cause : undefined) {
      process.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    }
    process.exit(1);
  },
);
