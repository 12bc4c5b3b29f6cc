import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { SERVER_NODE_FLAGS } from '../src/node-flags';
import { neo4jStore, openEmbeddedStore } from '../src/open-store';
import type { GraphStore } from '../src/ports/graph-store';
import { projectRoot } from '../src/paths';
import { loadSeedDirectory } from '../src/seed/read-seed';
import { seedStore } from '../src/seed/seed-store';
import { loadSynthetic } from '../src/synthetic/load-synthetic';
import { startBenchNeo4j, type BenchNeo4j } from './bench-neo4j';
import type { SoakStore } from './soak-args';
import { freePort, stopChild } from './child-processes';

/** The server under soak: where to POST, an EDITOR token, and its resident memory. */
export interface SoakTarget {
  readonly url: string;
  readonly token: string;
  /** What the server's process holds in memory now, in MB; null when it cannot be read. */
  rssMb(): Promise<number | null>;
  /** The server's log, when it is ours. */
  readonly logFile: string | null;
  close(): Promise<void>;
}

const MAIN = join(projectRoot(), 'dist', 'src', 'main.js');
const SYNTHETIC_SEED = 42;
/** Neo4j as the bench for traversals runs it: memory a production server would have. */
const NEO4J_MEMORY = { heap: '2g', pageCache: '1g' } as const;

export interface OwnServerOptions {
  readonly store: SoakStore;
  readonly relationships: number;
  readonly logLevel: string;
  /** Extra environment for the server (limits the soak must not trip over). */
  readonly env: Readonly<Record<string, string>>;
  readonly progress: (message: string) => void;
  /** A directory for a CPU profile of the server's whole run, written when it exits. */
  readonly cpuProfile?: string | null;
}

/**
 * Our server as `npm start` runs it (dist/src/main.js in a child process), on a store loaded with
 * the seed and a synthetic graph of `relationships` relationships: an embedded store in a fresh
 * DATA_DIR, or a Neo4j of the soak's own. Everything is removed on close.
 */
export async function startOwnServer(options: OwnServerOptions): Promise<SoakTarget> {
  const runDir = mkdtempSync(join(tmpdir(), 'rightsgraph-soak-'));
  const secret = randomBytes(24).toString('hex');
  const env: Record<string, string> = { API_TOKENS: `soak:EDITOR:${secret}`, NEO4J_URI: '' };
  let neo4j: BenchNeo4j | null = null;
  try {
    if (options.store === 'neo4j') {
      options.progress('starting Neo4j');
      neo4j = await startBenchNeo4j(NEO4J_MEMORY);
      const store = neo4jStore({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 10_000 });
      await store.migrate();
      await load(store, options);
      await store.close();
      env.NEO4J_URI = neo4j.uri;
    } else {
      env.DATA_DIR = join(runDir, 'data');
      const store = await openEmbeddedStore({ dataDir: env.DATA_DIR, logger: pino({ level: 'silent' }) });
      await load(store, options);
      await store.close();
    }
    const port = await freePort();
    const logFile = join(runDir, 'server.log');
    const log = openSync(logFile, 'a');
    const profile = options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfile)}`] : [];
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...profile, MAIN], {
      env: { ...process.env, ...env, ...options.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: options.logLevel, NODE_ENV: 'production' },
      stdio: ['ignore', log, log],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base, child, logFile);
    options.progress(`server pid ${child.pid} on ${base}, log ${logFile}`);
    return {
      url: `${base}/graphql`,
      token: secret,
      logFile,
      rssMb: async () => processRssMb(child.pid!),
      async close() {
        await stopChild(child);
        await neo4j?.stop();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await neo4j?.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw e;
  }
}

/** A server someone else runs: its RSS from /metrics (prom-client's process metrics), if it has them. */
export function externalServer(url: string, token: string): SoakTarget {
  const metrics = url.replace(/\/graphql$/, '/metrics');
  return {
    url,
    token,
    logFile: null,
    async rssMb() {
      try {
        const res = await fetch(metrics);
        const match = /^process_resident_memory_bytes\s+(\S+)$/m.exec(await res.text());
        return match ? Math.round(Number(match[1]) / 1024 / 1024) : null;
      } catch {
        return null;
      }
    },
    close: async () => undefined,
  };
}

async function load(store: GraphStore, options: OwnServerOptions): Promise<void> {
  options.progress(`loading the seed and a synthetic graph of ${options.relationships.toLocaleString('en-US')} relationships into ${options.store}`);
  await seedStore(store, await loadSeedDirectory());
  const report = await loadSynthetic(store, { relationships: options.relationships, seed: SYNTHETIC_SEED });
  options.progress(`loaded ${report.entities.toLocaleString('en-US')} entities, ${report.relationships.toLocaleString('en-US')} relationships in ${(report.ms / 1000).toFixed(1)} s`);
}

/** VmRSS of a process on Linux, in MB. */
export function processRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function waitReady(base: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; its log: ${logFile}`);
    try {
      if ((await fetch(`${base}/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server was not ready within 120 s; its log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
