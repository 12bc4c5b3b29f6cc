/**
 * `npm run bench:peers`: ours against the peers a team would otherwise pick for GraphQL over Neo4j
 * (issue 12): @neo4j/graphql 7.6 on Apollo Server 5, hand-written Cypher behind node:http, bare
 * Apollo 5 `{hello}` as the ceiling, and ours on the embedded store as a reference row. One data
 * set (the seed plus a synthetic graph) in one Neo4j; every server in a child process of its own;
 * every answer checked against the others before anything is timed; then alternating rounds (round
 * 1 runs every workload on every system, one at a time, then round 2 ...), so drift on a shared
 * machine hits every system alike. bench/README.md describes the method.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Neo4jOptions } from '../src/adapters/neo4j/driver';
import { startBenchNeo4j, type BenchNeo4j } from './bench-neo4j';
import { runBodyLoad, type LoadOptions } from './http-load';
import { parsePeersArgs, PEERS_USAGE, UsageError, type PeersArgs } from './peers-args';
import { checkAnswers, probeKey } from './peers-check';
import { loadDataSet } from './peers-data';
import { ensurePeersInstalled } from './peers-install';
import { startSystem, type SystemProcess } from './peers-processes';
import type { WorkloadParams } from './peers-params';
import { buildReport, type Cell, type Probe } from './peers-report';
import { isCall, SYSTEM_LABELS, type Call, type SystemName } from './peers-systems';
import { BARE_CALL, planFor } from './peers-workloads';

/** As bench/traversals.ts: memory a production server would have, not the test launcher's 512 MB. */
const NEO4J_MEMORY = { heap: '2g', pageCache: '1g' } as const;

const benchStarted = Date.now();

function say(message: string): void {
  process.stderr.write(`[bench:peers ${Math.round((Date.now() - benchStarted) / 1000)} s] ${message}\n`);
}

async function main(): Promise<number> {
  const args = parsePeersArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${PEERS_USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const loadAtStart = loadavg()[0]!.toFixed(1);
  if (args.systems.includes('neo4j-graphql')) ensurePeersInstalled(say);
  let server: BenchNeo4j | null = null;
  const embeddedDir = mkdtempSync(join(tmpdir(), 'rightsgraph-bench-peers-'));
  const running: SystemProcess[] = [];
  try {
    if (args.neo4jUri === null) {
      say(`starting a Neo4j of our own (heap ${NEO4J_MEMORY.heap}, page cache ${NEO4J_MEMORY.pageCache})`);
      server = await startBenchNeo4j(NEO4J_MEMORY);
    }
    const neo4j: Neo4jOptions = {
      uri: server?.uri ?? args.neo4jUri!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      timeoutMs: 60_000,
    };
    const data = await loadDataSet(neo4j, args.systems.includes('ours-embedded') ? embeddedDir : null, args.scale, say);
    const params = data.index.pick();
    say(`parameters: ${JSON.stringify(params)}`);
    for (const name of args.systems) {
      say(`starting ${SYSTEM_LABELS[name]}`);
      running.push(await startSystem(name, { env: envFor(name, neo4j, embeddedDir) }));
    }
    say('checking that every system gives the same answers');
    const check = await checkAnswers(running, args.workloads, params, args.injectDifference);
    if (check.differences.length > 0) {
      process.stderr.write(`\nRESPONSE CHECK FAILED: not every system answers alike.\n${check.differences.join('\n')}\n`);
      return 1;
    }
    say('answers agree');
    const planned = plan(args, running, params, check.probes);
    await measure(args, planned);
    const cells = planned.map((p) => p.cell);
    const heading =
      `rightsgraph bench:peers, ${new Date().toISOString()}${args.quick ? ' (QUICK: a smoke run, not a measurement)' : ''}: ` +
      `seed + ${data.relationships.toLocaleString('en-US')} relationships (${data.entities.toLocaleString('en-US')} entities; synthetic scale ${args.scale}), ` +
      `${args.rounds} alternating round(s), ${args.seconds} s at ${args.connections} connections + ${args.latencySeconds} s at 1, ` +
      `medians of rounds; node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; ` +
      `load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ${Math.round((Date.now() - started) / 1000)} s in all.`;
    const report = buildReport(cells, args.workloads, heading);
    process.stdout.write(`\n${report.markdown}`);
    if (args.out) {
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, report.markdown);
      say(`tables written to ${args.out}`);
    }
    const failed = cells.flatMap((c) =>
      [...c.loaded, ...c.single].filter((f) => f.failures > 0).map((f) => `  ${c.workload} ${SYSTEM_LABELS[c.system]}: ${f.failureKinds}`),
    );
    if (failed.length > 0) {
      process.stderr.write(`responses under load failed (not 200, without data, with errors, or lost):\n${failed.join('\n')}\n`);
      return 1;
    }
    return 0;
  } finally {
    for (const system of running) await system.stop();
    if (server) await server.stop();
    rmSync(embeddedDir, { recursive: true, force: true });
  }
}

function envFor(name: SystemName, neo4j: Neo4jOptions, embeddedDir: string): NodeJS.ProcessEnv {
  const connection = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
  const ours = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    QUERY_STATS: '1',
    SEED_DIR: '',
    // As bench:http: the rate limit counts every request, as in production, but never refuses one;
    // the bench's one client is a single address.
    RATE_LIMIT_READS_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
  };
  switch (name) {
    case 'ours-neo4j':
      // The peers' drivers wait up to 60 s for a pooled connection (the driver's default); ours
      // fails fast after 3 s by default, which on a busy machine fails requests the peers would
      // only delay. The same patience for all.
      return { ...ours, ...connection, DATA_DIR: embeddedDir, NEO4J_TIMEOUT_MS: '60000' };
    case 'ours-embedded':
      // An empty NEO4J_URI means "not set" to our config: the embedded store in DATA_DIR.
      return { ...ours, NEO4J_URI: '', DATA_DIR: embeddedDir };
    case 'neo4j-graphql':
    case 'hand':
      return connection;
    case 'bare':
      return { NEO4J_URI: '' };
  }
}

interface Planned {
  readonly cell: Cell;
  readonly call: Call | null;
  readonly system: SystemProcess;
}

/** A cell per workload and system (n/a ones too, for the table), and the ceiling's. */
function plan(args: PeersArgs, running: readonly SystemProcess[], params: WorkloadParams, probes: ReadonlyMap<string, Probe>): Planned[] {
  const planned: Planned[] = [];
  for (const workload of args.workloads) {
    for (const system of running) {
      if (system.name === 'bare') continue;
      const call = planFor(workload, system.name, params);
      const cell: Cell = {
        workload,
        system: system.name,
        na: isCall(call) ? null : call.na,
        probe: probes.get(probeKey(workload, system.name)) ?? NO_PROBE,
        loaded: [],
        single: [],
        cpuPerRequest: [],
      };
      planned.push({ cell, call: isCall(call) ? call : null, system });
    }
  }
  const bare = running.find((s) => s.name === 'bare');
  if (bare) {
    const cell: Cell = { workload: 'ceiling', system: 'bare', na: null, probe: NO_PROBE, loaded: [], single: [], cpuPerRequest: [] };
    planned.push({ cell, call: BARE_CALL, system: bare });
  }
  return planned;
}

const NO_PROBE: Probe = { storeCalls: null, statements: null, dbHits: null };

/**
 * Warm-up, then the rounds. Within a round the systems take turns per workload, and the turn order
 * rotates from round to round, so no system always runs right after the same other one.
 */
async function measure(args: PeersArgs, planned: readonly Planned[]): Promise<void> {
  const loaded: LoadOptions = { seconds: args.seconds, connections: args.connections };
  const single: LoadOptions = { seconds: args.latencySeconds, connections: 1 };
  const timed = planned.filter((p) => p.call !== null);
  if (args.warmupSeconds > 0) {
    say(`warming up: ${timed.length} x ${args.warmupSeconds} s`);
    for (const p of timed) await runBodyLoad(p.system.url + p.call!.path, p.call!.body, { seconds: args.warmupSeconds, connections: args.connections });
  }
  const groups = [...new Set(timed.map((p) => p.cell.workload))].map((w) => timed.filter((p) => p.cell.workload === w));
  for (let round = 1; round <= args.rounds; round++) {
    say(`round ${round}/${args.rounds}`);
    for (const group of groups) {
      const turn = group.map((_, i) => group[(i + round - 1) % group.length]!);
      for (const p of turn) {
        const url = p.system.url + p.call!.path;
        const cpuBefore = p.system.cpuMs();
        const figures = await runBodyLoad(url, p.call!.body, loaded);
        const cpuAfter = p.system.cpuMs();
        p.cell.loaded.push(figures);
        if (cpuBefore !== null && cpuAfter !== null && figures.responses > 0) p.cell.cpuPerRequest.push((cpuAfter - cpuBefore) / figures.responses);
        p.cell.single.push(await runBodyLoad(url, p.call!.body, single));
        say(`  ${p.cell.workload} ${SYSTEM_LABELS[p.system.name]}: ${Math.round(figures.requestsPerSecond)} req/s, p99 ${figures.p99} ms`);
      }
    }
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    for (let cause: unknown = e; cause; cause = cause instanceof Error ? cause.cause : undefined) {
      process.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    }
    process.exit(1);
  },
);
