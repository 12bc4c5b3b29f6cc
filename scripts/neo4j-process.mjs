/**
 * The one place that knows how to build and start the embedded Neo4j of neo4j/ (Maven project,
 * Neo4j Community 5.26 on Java 17): `scripts/neo4j.mjs` is a thin CLI over it and
 * test/support/neo4j-server.ts asks that CLI for the command (`--print-command`), so the JVM flags
 * live here only.
 *
 * Plain Node ESM, built-ins only.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** neo4j/ : the Maven project. */
export const NEO4J_PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'neo4j');

/** The launcher's main class. */
export const LAUNCHER_CLASS = 'rightsgraph.neo4j.Launcher';

/** The offline importer's main class (neo4j-admin database import full, run on a launcher data directory). */
export const BULK_IMPORT_CLASS = 'rightsgraph.neo4j.BulkImport';

/** Matches the launcher's ready line; group 1 is the Bolt URI. */
export const READY_LINE = /^NEO4J READY (bolt:\/\/\S+)\s*$/;

/** Prefix of the launcher's failure line (on stderr). */
export const FAILED_PREFIX = 'NEO4J FAILED: ';

/**
 * JVM flags: the ones Neo4j 5 expects on Java 17+ (as in the stock neo4j.conf), the parallel GC
 * (a 1M-relationship load ran ~30% faster than with the serial GC and ~15% faster than with G1 on
 * 2 cores; start-up time is the same), and exit rather than limp on after an OutOfMemoryError. The
 * heap is added by neo4jCommand.
 */
export const JVM_FLAGS = Object.freeze([
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseParallelGC',
  '-XX:+ExitOnOutOfMemoryError',
]);

/**
 * A modest default heap, since tests start several servers: the launcher caps transaction memory
 * at 256 MB and its default page cache is 64 MB. A bulk load wants more of both (--heap, --pagecache).
 */
export const DEFAULT_HEAP = '512m';

/** A JVM/Neo4j memory size: digits with an optional k, m or g. */
export const SIZE = /^[1-9][0-9]*[kmg]?$/i;

const TARGET = join(NEO4J_PROJECT_DIR, 'target');
const LAUNCHER_CLASS_FILE = join(TARGET, 'classes', 'rightsgraph', 'neo4j', 'Launcher.class');
const LIB_DIR = join(TARGET, 'lib');
const STAMP = join(TARGET, '.rightsgraph-built');
const LOCK = join(TARGET, '.rightsgraph-build.lock');
const JAVA_DIR = join(NEO4J_PROJECT_DIR, 'src', 'main', 'java', 'rightsgraph', 'neo4j');
const BULK_IMPORT_CLASS_FILE = join(TARGET, 'classes', 'rightsgraph', 'neo4j', 'BulkImport.class');
const SOURCES = [join(NEO4J_PROJECT_DIR, 'pom.xml'), join(JAVA_DIR, 'Launcher.java'), join(JAVA_DIR, 'BulkImport.java')];

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH. */
export function javaExecutable() {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

/** Why a build is needed, or null when target/ is up to date. */
export function launcherBuildReason() {
  if (!existsSync(LAUNCHER_CLASS_FILE)) return 'Launcher.class is missing';
  if (!existsSync(BULK_IMPORT_CLASS_FILE)) return 'BulkImport.class is missing';
  if (!existsSync(LIB_DIR)) return 'target/lib is missing';
  if (!existsSync(STAMP)) return 'no completed build recorded';
  const built = statSync(STAMP).mtimeMs;
  for (const source of SOURCES) {
    if (existsSync(source) && statSync(source).mtimeMs > built) return `${source.slice(NEO4J_PROJECT_DIR.length + 1)} changed`;
  }
  return null;
}

/**
 * Builds neo4j/ with Maven when needed (first use, or pom.xml / Launcher.java changed): compiles the
 * launcher and copies Neo4j's jars into neo4j/target/lib. Safe to call from several processes at
 * once (a lock file serialises the builds). Resolves to whether it built; rejects with Maven's
 * output tail when the build fails.
 *
 * @param {{ force?: boolean, log?: (message: string) => void }} [options]
 * @returns {Promise<{ built: boolean }>}
 */
export async function buildNeo4jLauncher({ force = false, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (!force && launcherBuildReason() === null) return { built: false };
  mkdirSync(TARGET, { recursive: true });
  const release = await acquireLock(log);
  try {
    const reason = force ? 'forced' : launcherBuildReason();
    if (reason === null) return { built: false }; // another process built it while we waited
    log(`neo4j: building the launcher with Maven (${reason}); a first build downloads ~120 MB of jars`);
    // Jars of a previous Neo4j version would sit beside the new ones on the classpath.
    rmSync(LIB_DIR, { recursive: true, force: true });
    rmSync(STAMP, { force: true });
    const started = Date.now();
    await runMaven(['-q', '-B', '-Dstyle.color=never', '-f', join(NEO4J_PROJECT_DIR, 'pom.xml'), '-DskipTests', 'package']);
    if (!existsSync(LAUNCHER_CLASS_FILE) || !existsSync(LIB_DIR)) {
      throw new Error('neo4j: Maven finished but target/classes or target/lib is missing');
    }
    writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    log(`neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { built: true };
  } finally {
    release();
  }
}

/**
 * The command that runs the launcher in the foreground (spawn it with `cwd`).
 *
 * @param {{ port?: number, data?: string, stopOnStdinEof?: boolean, heap?: string, pageCache?: string }} [options]
 *   port: Bolt port on 127.0.0.1 (launcher default 7687); data: store directory (launcher default:
 *   a fresh temporary one, deleted on exit); stopOnStdinEof: shut down cleanly when stdin closes,
 *   so that a parent that dies takes Neo4j with it (the parent must keep a pipe open on stdin);
 *   heap: the JVM's maximum heap (default DEFAULT_HEAP); pageCache: Neo4j's page cache (default 64m).
 * @returns {{ command: string, args: string[], cwd: string }}
 */
export function neo4jCommand({ port, data, stopOnStdinEof = false, heap = DEFAULT_HEAP, pageCache } = {}) {
  for (const [name, size] of [['heap', heap], ['pageCache', pageCache]]) {
    if (size !== undefined && !SIZE.test(size)) throw new Error(`${name} needs a size such as 512m or 2g, got '${size}'`);
  }
  const args = [...JVM_FLAGS, '-Xms128m', `-Xmx${heap}`, '-cp', [join('target', 'classes'), join('target', 'lib', '*')].join(delimiter), LAUNCHER_CLASS];
  if (port !== undefined && port !== null) args.push('--port', String(port));
  if (data !== undefined && data !== null && data !== '') args.push('--data', resolve(data));
  if (pageCache !== undefined) args.push('--pagecache', pageCache);
  if (stopOnStdinEof) args.push('--stop-on-stdin-eof');
  return { command: javaExecutable(), args, cwd: NEO4J_PROJECT_DIR };
}

/**
 * The command that runs Neo4j's offline importer (BulkImport.java): append `--data DIR` and the
 * import command's options. It only ever creates a database in an empty DIR.
 *
 * @param {{ heap?: string }} [options] heap: the JVM's maximum heap (default DEFAULT_HEAP)
 * @returns {{ command: string, args: string[], cwd: string }}
 */
export function neo4jImportCommand({ heap = DEFAULT_HEAP } = {}) {
  if (!SIZE.test(heap)) throw new Error(`heap needs a size such as 512m or 2g, got '${heap}'`);
  const args = [...JVM_FLAGS, '-Xms128m', `-Xmx${heap}`, '-cp', [join('target', 'classes'), join('target', 'lib', '*')].join(delimiter), BULK_IMPORT_CLASS];
  return { command: javaExecutable(), args, cwd: NEO4J_PROJECT_DIR };
}

function runMaven(args) {
  return new Promise((resolvePromise, reject) => {
    const output = [];
    const child = spawn(process.platform === 'win32' ? 'mvn.cmd' : 'mvn', args, {
      cwd: NEO4J_PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 400) output.splice(0, output.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new Error(`neo4j: cannot run mvn (${error.message}); Maven 3.8+ and Java 17 are needed`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolvePromise();
      const tail = output.join('').split('\n').slice(-50).join('\n');
      reject(new Error(`neo4j: mvn ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A lock file holding the builder's pid; a lock whose process is gone is taken over. */
async function acquireLock(log) {
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder;
    try {
      holder = Number.parseInt(readFileSync(LOCK, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile
    }
    if (!Number.isInteger(holder) || !pidAlive(holder)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`neo4j: gave up waiting for the build lock held by pid ${holder}`);
    if (!told) {
      log(`neo4j: waiting for another build (pid ${holder})`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
