import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../src/node-flags';
import { peersDir } from './peers-install';
import { stopChild } from './child-processes';
import type { SystemName } from './peers-systems';

/** A benchmarked server in a child process: where it listens, its CPU time, and its Neo4j cost. */
export interface SystemProcess {
  readonly name: SystemName;
  readonly url: string;
  /** User + system CPU time of the server process so far, in ms; null where /proc is unavailable. */
  cpuMs(): number | null;
  /**
   * Runs `request` once while the server records the Neo4j statements it makes, then PROFILEs
   * them: how many statements, and their database hits summed.
   */
  profile(request: () => Promise<unknown>): Promise<{ statements: number; dbHits: number }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly env: NodeJS.ProcessEnv;
}

const READY = /^READY (\S+)$/m;
const START_TIMEOUT_MS = 120_000;

/** Starts one system: ours, hand and bare from dist/bench/peers-child.js, the peer from bench/peers/. */
export function startSystem(name: SystemName, { env }: StartOptions): Promise<SystemProcess> {
  const script =
    name === 'neo4j-graphql'
      ? [join(peersDir(), 'neo4j-graphql-server.mjs')]
      : [join(__dirname, 'peers-child.js'), name === 'ours-neo4j' || name === 'ours-embedded' ? 'ours' : name];
  // Every system with the same runtime flags: ours as `npm start` runs it, the others no worse off.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...script], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return new Promise<SystemProcess>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not report READY within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it listened`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = READY.exec(out);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(handle(name, ready[1]!, child));
    });
    child.once('exit', onExit);
  });
}

function handle(name: SystemName, url: string, child: ChildProcess): SystemProcess {
  return {
    name,
    url,
    cpuMs: () => cpuMsOf(child.pid!),
    async profile(request) {
      await ask(child, { op: 'capture' }, 'capturing');
      let failure: unknown = null;
      await request().catch((e: unknown) => (failure = e ?? new Error('request failed')));
      // Recording stops even when the request failed.
      const reply = (await ask(child, { op: 'profile' }, 'profiled')) as { statements: number; dbHits?: number; error?: string };
      if (failure) throw failure;
      if (reply.error) throw new Error(`${name}: PROFILE of its statements failed: ${reply.error}`);
      return { statements: reply.statements, dbHits: reply.dbHits ?? 0 };
    },
    stop: () => stopChild(child),
  };
}

function ask(child: ChildProcess, message: { op: string }, answer: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: unknown): void => {
      if (typeof reply === 'object' && reply !== null && (reply as { op?: string }).op === answer) {
        child.off('message', onMessage);
        resolve(reply);
      }
    };
    child.on('message', onMessage);
    child.send(message, (e) => {
      if (e) {
        child.off('message', onMessage);
        reject(e);
      }
    });
  });
}


let ticksPerSecond: number | undefined;

/** utime + stime of /proc/<pid>/stat (fields 14 and 15), in clock ticks, as ms. */
function cpuMsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  ticksPerSecond ??= clockTicks();
  return (ticks * 1000) / ticksPerSecond;
}

function clockTicks(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}
