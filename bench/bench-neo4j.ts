import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './child-processes';

/**
 * A Neo4j of the bench's own, on 127.0.0.1 and a temporary store, through `scripts/neo4j.mjs`.
 * test/support/neo4j-server.ts cannot be reused from dist/: it finds scripts/ relative to its own
 * location, which compiling moves. The server reads our stdin pipe (--stop-on-stdin-eof), so it
 * stops with this process however that ends.
 */
export interface BenchNeo4j {
  readonly uri: string;
  stop(): Promise<void>;
}

const READY = /^NEO4J READY (bolt:\/\/\S+)\s*$/m;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

/** Memory for the bench's server: scripts/neo4j.mjs sizes (512m, 2g). */
export interface BenchMemory {
  readonly heap: string;
  readonly pageCache: string;
}

export async function startBenchNeo4j(memory: BenchMemory): Promise<BenchNeo4j> {
  const root = repositoryRoot(__dirname);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rightsgraph-bench-neo4j-'));
  const args = ['--port', String(port), '--data', dataDir, '--heap', memory.heap, '--pagecache', memory.pageCache, '--stop-on-stdin-eof'];
  const child = spawn(process.execPath, [join(root, 'scripts', 'neo4j.mjs'), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not report ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
      if (READY.test(output)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (): void => fail('exited before it was ready');
    function fail(why: string): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`bench Neo4j ${why}; output:\n${output}`));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
  return { uri: `bolt://127.0.0.1:${port}`, stop: () => stop(child, dataDir) };
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** dist/bench or bench: the first directory upwards with a package.json. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'neo4j.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

