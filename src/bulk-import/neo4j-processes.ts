import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Neo4jRunner, type Neo4jOptions } from '../adapters/neo4j/driver';
import { projectRoot } from '../paths';
import { freePort } from '../free-port';

/**
 * The Java processes of a bulk load: Neo4j's offline importer, then a Neo4j served on the new store.
 * How to build and start them (JVM flags, classpath) lives in scripts/neo4j-process.mjs, reached
 * through its CLI (`--build-only`, `--print-import-command`, `--print-command`) as the test helper does.
 */

const CLI = join(projectRoot(), 'scripts', 'neo4j.mjs');
const READY_LINE = /^NEO4J READY (bolt:\/\/\S+)\s*$/m;
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 120_000;

interface JavaCommand {
  readonly command: string;
  readonly args: string[];
  readonly cwd: string;
}

function cli(args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node scripts/neo4j.mjs ${args.join(' ')} failed: ${error.message}\n${stderr.slice(-4000)}`));
      else resolvePromise(stdout);
    });
  });
}

async function javaCommand(args: readonly string[]): Promise<JavaCommand> {
  return JSON.parse(await cli(args)) as JavaCommand;
}

/** Builds neo4j/ with Maven when it is missing or out of date. */
export async function buildLauncher(): Promise<void> {
  await cli(['--build-only']);
}

/**
 * Runs the importer into `dataDir` with the import command's `options`; its output goes to
 * `logFile`. Rejects with the output's tail when it fails.
 */
export async function runImporter(dataDir: string, options: readonly string[], heap: string, logFile: string): Promise<void> {
  const { command, args, cwd } = await javaCommand(['--print-import-command', '--heap', heap]);
  const log = createWriteStream(logFile);
  const child = spawn(command, [...args, '--data', dataDir, ...options], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await exited(child);
  await new Promise<void>((r) => log.end(r));
  if (code !== 0) {
    // Without the progress bars (rows of dots), which say nothing about the failure.
    const tail = (await readFile(logFile, 'utf8')).split('\n').filter((l) => l.trim() !== '' && !/^[-.]{3}/.test(l)).slice(-25).join('\n');
    throw new Error(`Neo4j's importer failed (exit ${code}); its log is ${logFile}:\n${tail}`);
  }
}

export interface ServedStore {
  readonly uri: string;
  stop(): Promise<void>;
}

/** Starts Neo4j on `dataDir` (the launcher, on a free port) and resolves once it accepts queries. */
export async function serve(dataDir: string, heap: string, pageCache: string): Promise<ServedStore> {
  const port = await freePort();
  const { command, args, cwd } = await javaCommand(['--print-command', '--port', String(port), '--data', dataDir, '--heap', heap, '--pagecache', pageCache, '--stop-on-stdin-eof']);
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const uri = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`)), START_TIMEOUT_MS);
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = READY_LINE.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolvePromise(ready[1]!);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited (code ${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
  return {
    uri,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
    },
  };
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

/** How to reach a database `serve` started: no auth, the default database. */
export function servedOptions(uri: string): Neo4jOptions {
  return { uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 60_000 };
}

/** A runner on a database `serve` started. */
export function connectServed(uri: string): Neo4jRunner {
  return new Neo4jRunner(servedOptions(uri));
}
