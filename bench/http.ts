import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_NODE_FLAGS } from '../src/node-flags';
import { checkOnce, runLoad, type LoadFigures } from './http-load';
import { LOADS, SERVERS, startServer, type ServerName, type Target } from './http-targets';

/**
 * `npm run bench:http`: our server against a bare Apollo Server 5 `{hello}` in the same run,
 * alternating autocannon runs (round 1: every load, round 2: every load, ...) so drift on a shared
 * machine hits all targets alike. Prints req/s (median of rounds), p50, p99 and the ratio to the
 * bare server; any response with `errors`, not 200, or lost fails the bench.
 *
 * One bench process drives everything, but each server runs in a child process and autocannon in
 * this one. Node runs JavaScript on one thread: with the servers in this process, autocannon's
 * client (which parses every response) would take its turns on the servers' event loop, and a
 * server that answers faster would give the client more work to steal time with. `--in-process`
 * runs everything in this process anyway, to see that distortion.
 */
const USAGE =
  'usage: npm run bench:http -- [--duration 10] [--rounds 3] [--connections 16] [--quick] [--in-process] [--cpu-prof DIR]';

interface Args {
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly inProcess: boolean;
  /** Writes a `node --cpu-prof` profile of our server into this folder. */
  readonly cpuProfDir: string | undefined;
}

function parse(argv: readonly string[]): Args {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean' },
      'in-process': { type: 'boolean' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const int = (name: string, value: string | undefined, fallback: number): number => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of at least 1, got "${value}"\n${USAGE}`);
    return n;
  };
  return {
    seconds: int('duration', values.duration, quick ? 3 : 10),
    rounds: int('rounds', values.rounds, quick ? 1 : 3),
    connections: int('connections', values.connections, 16),
    inProcess: values['in-process'] ?? false,
    cpuProfDir: values['cpu-prof'],
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const servers = new Map<ServerName, Target>();
  try {
    for (const name of SERVERS) {
      servers.set(name, args.inProcess ? await startServer(name) : await startChild(name, name === 'ours' ? args.cpuProfDir : undefined));
    }
    const url = (server: ServerName): string => servers.get(server)!.url;
    for (const load of LOADS) {
      await checkOnce(url(load.server), load.query);
      // Warm-up: JIT, Apollo's document cache, the store's first reads.
      await runLoad(url(load.server), load.query, { seconds: 2, connections: args.connections });
    }
    const runs = new Map<string, LoadFigures[]>(LOADS.map((l) => [l.name, []]));
    for (let round = 1; round <= args.rounds; round++) {
      for (const load of LOADS) {
        const figures = await runLoad(url(load.server), load.query, { seconds: args.seconds, connections: args.connections });
        runs.get(load.name)!.push(figures);
        process.stderr.write(`round ${round}/${args.rounds} ${load.name}: ${Math.round(figures.requestsPerSecond)} req/s\n`);
      }
    }
    printTable(runs, args);
    const failures = [...runs.values()].flat().reduce((sum, f) => sum + f.failures, 0);
    if (failures > 0) throw new Error(`${failures} responses had errors, were not 200, or were lost`);
  } finally {
    for (const target of servers.values()) await target.close();
  }
}

function printTable(runs: ReadonlyMap<string, LoadFigures[]>, args: Args): void {
  const bare = median(runs.get(LOADS[0]!.name)!.map((f) => f.requestsPerSecond));
  const rows = [...runs].map(([name, figures]) => {
    const rps = median(figures.map((f) => f.requestsPerSecond));
    return [
      name,
      Math.round(rps).toLocaleString('en-US'),
      `${median(figures.map((f) => f.p50))} ms`,
      `${median(figures.map((f) => f.p99))} ms`,
      `${(rps / bare).toFixed(2)}x`,
    ];
  });
  const header = ['target', 'req/s', 'p50', 'p99', 'vs bare'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const where = args.inProcess ? 'servers in this process' : 'servers in child processes';
  process.stdout.write(
    `${args.rounds} rounds x ${args.seconds} s, ${args.connections} connections, ${where}; medians of rounds\n` +
      `${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}\n`,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Starts `http-server-child.js` for one server and waits for its `READY <url>` line. */
function startChild(name: ServerName, cpuProfDir: string | undefined): Promise<Target> {
  const flags = [...SERVER_NODE_FLAGS, ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])];
  const child = spawn(process.execPath, [...flags, join(__dirname, 'http-server-child.js'), name], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<Target>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready) resolve({ url: ready[1]!, close: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`the ${name} server exited with ${code} before it listened`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
