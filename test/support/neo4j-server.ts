/**
 * Starts and stops a real Neo4j (Community 5.26, embedded by the Maven project in neo4j/) for jest
 * tests, without Docker. How to build and run it (the JVM flags included) lives in one place,
 * scripts/neo4j-process.mjs; this helper reaches it through the CLI, `node scripts/neo4j.mjs
 * --build-only` and `--print-command`, rather than importing the ESM module into jest's CommonJS.
 *
 * The java process is this process's direct child, started with `--stop-on-stdin-eof` over a stdin
 * pipe, so it shuts down cleanly when the test process goes away, even by SIGKILL.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/free-port';

export interface Neo4jServer {
  /** `bolt://127.0.0.1:PORT`; the same across restarts. */
  readonly uri: string;
  readonly port: number;
  /** The store (and `logs/debug.log`); the same across restarts. */
  readonly dataDir: string;
  /** SIGTERM and wait for a clean shutdown (SIGKILL after 30 s). Does nothing when already stopped. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: the next start recovers the store. Does nothing when already stopped. */
  kill(): Promise<void>;
  /** Stops it if running, then starts it again on the same port and data directory. */
  restart(): Promise<void>;
}

/** The name some suites import. */
export type RunningNeo4j = Neo4jServer;

export interface StartNeo4jOptions {
  /** Bolt port on 127.0.0.1; default: a free one. */
  port?: number;
  /** Store directory; default: a fresh temporary one, deleted when this process exits. */
  dataDir?: string;
  /** How long to wait for the ready line, per start (build excluded); default 120 s. */
  timeoutMs?: number;
}

export type Neo4jAvailability = { available: true } | { available: false; reason: string };

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'neo4j.mjs');
const READY_LINE = /^NEO4J READY (bolt:\/\/\S+)\s*$/;
const DEFAULT_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_MS = 20 * 60_000;
const TAIL_LINES = 50;

/** Whether Java 17+ and Maven are on this machine, for skipping Neo4j suites with a reason. */
export function neo4jAvailability(): Neo4jAvailability {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const javaRun = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (javaRun.error || javaRun.status !== 0) {
    return { available: false, reason: `${java} -version failed (${javaRun.error?.message ?? `exit ${javaRun.status}`}): Java 17 is needed` };
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${javaRun.stderr}${javaRun.stdout}`);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : NaN;
  if (Number.isFinite(major) && major < 17) {
    return { available: false, reason: `Java ${major} found; Neo4j 5.26 needs Java 17 or 21` };
  }
  const mvn = spawnSync(process.platform === 'win32' ? 'mvn.cmd' : 'mvn', ['-v'], { encoding: 'utf8', timeout: 60_000 });
  if (mvn.error || mvn.status !== 0) {
    return { available: false, reason: `mvn -v failed (${mvn.error?.message ?? `exit ${mvn.status}`}): Maven is needed to build neo4j/` };
  }
  return { available: true };
}

/** Builds neo4j/ if needed, starts Neo4j and resolves once it accepts Bolt queries. */
export async function startNeo4j(opts: StartNeo4jOptions = {}): Promise<Neo4jServer> {
  await buildOnce();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : temporaryDataDir();

  if (opts.port !== undefined) {
    const running = await launch(opts.port, dataDir, timeoutMs);
    return new Server(opts.port, dataDir, timeoutMs, running);
  }
  // A port found free can be taken before Neo4j binds it: try another one then.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      const running = await launch(port, dataDir, timeoutMs);
      return new Server(port, dataDir, timeoutMs, running);
    } catch (error) {
      if (attempt >= 3 || !/address already in use|BindException/i.test(String(error))) throw error;
    }
  }
}

class Server implements Neo4jServer {
  readonly uri: string;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly timeoutMs: number,
    private child: ChildProcess | null,
  ) {
    this.uri = `bolt://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) await terminate(child, 'SIGTERM');
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) await terminate(child, 'SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    this.child = await launch(this.port, this.dataDir, this.timeoutMs);
  }
}

// ---------------------------------------------------------------------------------------------

/** Running children (with their data directory) and temporary data directories, for the exit hook. */
const liveChildren = new Map<ChildProcess, string>();
const temporaryDirs = new Set<string>();
let exitHookInstalled = false;

/**
 * When this process exits with servers still running: one on a temporary directory is killed and
 * its directory removed; one on a caller's directory gets SIGTERM and finishes a clean shutdown on
 * its own (it would anyway, on stdin's end).
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [child, dataDir] of liveChildren) child.kill(temporaryDirs.has(dataDir) ? 'SIGKILL' : 'SIGTERM');
    for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  });
}

const TEMP_PREFIX = 'rightsgraph-neo4j-test-';
const OWNER_FILE = '.owner-pid';

/**
 * A fresh directory under the OS temp dir, recording this process's pid. Inside a jest test file
 * `process` is the sandbox's stand-in and its 'exit' never fires, so directories left by earlier
 * runs whose owner is gone are swept here instead.
 */
function temporaryDataDir(): string {
  installExitHook();
  sweepTemporaryDirs();
  const dir = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  temporaryDirs.add(dir);
  return dir;
}

function sweepTemporaryDirs(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(TEMP_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      const owner = Number.parseInt(readFileSync(join(dir, OWNER_FILE), 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && !pidAlive(owner)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner recorded (not ours, or just being created): leave it
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let build: Promise<void> | null = null;

/** `node scripts/neo4j.mjs --build-only`, once per process (a no-op when neo4j/target is current). */
function buildOnce(): Promise<void> {
  build ??= runCli(['--build-only'], BUILD_TIMEOUT_MS).then(
    () => undefined,
    (error: unknown) => {
      build = null;
      throw error;
    },
  );
  return build;
}

function runCli(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = lastLines(`${stdout}${stderr}`, TAIL_LINES);
        reject(new Error(`node scripts/neo4j.mjs ${args.join(' ')} failed: ${error.message}\n${tail}`));
      } else {
        resolvePromise(stdout);
      }
    });
  });
}

interface LaunchCommand {
  command: string;
  args: string[];
  cwd: string;
}

async function launchCommand(port: number, dataDir: string): Promise<LaunchCommand> {
  const out = await runCli(['--print-command', '--port', String(port), '--data', dataDir, '--stop-on-stdin-eof'], 30_000);
  const parsed = JSON.parse(out) as Partial<LaunchCommand>;
  if (typeof parsed.command !== 'string' || !Array.isArray(parsed.args) || typeof parsed.cwd !== 'string') {
    throw new Error(`unexpected output of scripts/neo4j.mjs --print-command: ${out}`);
  }
  return { command: parsed.command, args: parsed.args, cwd: parsed.cwd };
}


/** Spawns the launcher and resolves with the running child once it printed its ready line. */
async function launch(port: number, dataDir: string, timeoutMs: number): Promise<ChildProcess> {
  const { command, args, cwd } = await launchCommand(port, dataDir);
  installExitHook();
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  liveChildren.set(child, dataDir);
  child.once('exit', () => liveChildren.delete(child));

  const tail: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        child.emit('launcher-line', line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  const describe = (what: string): Error =>
    new Error(
      `Neo4j on port ${port} ${what}; data ${dataDir} (see logs/debug.log there); ` +
        `launcher output (last ${TAIL_LINES} lines):\n${tail.join('\n')}`,
    );

  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(describe(`did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onLine = (line: string): void => {
      if (READY_LINE.test(line)) {
        cleanup();
        resolvePromise();
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      // let the last output arrive before quoting it
      setTimeout(() => reject(describe(`exited before it was ready (${signal ?? `exit code ${code}`})`)), 200);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(describe(`could not be started: ${command}: ${error.message}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('launcher-line', onLine);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.on('launcher-line', onLine);
    child.once('exit', onExit);
    child.once('error', onError);
  });

  // Idle, a running server does not keep this process alive; the exit hook ends it.
  setReferenced(child, false);
  return child;
}

function setReferenced(child: ChildProcess, referenced: boolean): void {
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    const handle = stream as unknown as { ref?: () => void; unref?: () => void } | null;
    if (referenced) handle?.ref?.();
    else handle?.unref?.();
  }
  if (referenced) child.ref();
  else child.unref();
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  setReferenced(child, true);
  await new Promise<void>((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill(signal);
  });
}

function lastLines(text: string, n: number): string {
  return text.split('\n').slice(-n - 1).join('\n');
}
