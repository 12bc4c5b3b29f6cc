import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { parseSoakArgs, type SoakArgs } from './soak-args';
import { MINUTE_HEADER, MinuteRecorder, minuteLine, verdict, type MinuteFigures } from './soak-minutes';
import { drivePaced } from './soak-paced';
import { externalServer, startOwnServer, type SoakTarget } from './soak-server';
import { discoverPool, Workload, type SoakRequest } from './soak-workload';

/**
 * `npm run soak -- --minutes N --rate R|half-peak [--store embedded|neo4j] [--url URL --token T]`:
 * holds a server under a mixed load at a fixed, evenly paced rate (soak-paced.ts) for N
 * minutes, prints requests, errors by code, p50/p99 and the server's RSS each minute, and ends
 * with a verdict against issue 13's criteria (see soak-minutes.ts for how they scale to N).
 *
 * Without --url it starts our server itself (dist/src/main.js in a child process, its RSS read
 * from /proc) on the seed plus a synthetic graph, on the embedded store or a Neo4j of its own.
 * `--rate half-peak` first drives the same workload as fast as it goes for --peak-seconds and
 * soaks at half of that. Exits 1 when the verdict fails.
 */
const RSS_SAMPLE_MS = 5_000;
/** The import of each minute starts this far into it, away from the minute's edges. */
const INGEST_OFFSET_MS = 30_000;

/**
 * Limits the soak must not trip over on our own server: one client address sends everything.
 * (Rate limiting per address is for the public; the soak measures the server behind it.)
 */
const SERVER_ENV: Readonly<Record<string, string>> = { RATE_LIMIT_ENABLED: '0' };

function progress(message: string): void {
  process.stderr.write(`[soak] ${message}\n`);
}

async function main(): Promise<void> {
  const args = parseSoakArgs(process.argv.slice(2));
  const target = args.url
    ? externalServer(args.url, args.token!)
    : await startOwnServer({ store: args.store, relationships: args.relationships, logLevel: args.logLevel, env: SERVER_ENV, progress, cpuProfile: args.cpuProfile });
  // Interrupted (Ctrl-C, a CI timeout): stop our server and its Neo4j too, not leave them running.
  const interrupted = (signal: NodeJS.Signals): void => {
    progress(`${signal}: stopping`);
    void target.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let pass: boolean;
  try {
    const pool = await discoverPool(target.url);
    const runId = Date.now().toString(36);
    const workload = new Workload(pool, runId);
    progress(`${pool.people.length} people, ${pool.organizations.length} organizations, ${pool.events.length} events to read; run id ${runId}`);
    const rate = args.rate === 'half-peak' ? Math.max(1, Math.floor((await measurePeak(target, workload, args)) / 2)) : args.rate;
    progress(`soaking ${args.store === 'neo4j' && !args.url ? 'Neo4j' : args.url ?? 'embedded'} at ${rate} req/s for ${args.minutes} min, ${args.connections} connections`);
    const minutes = await soak(target, workload, args, rate);
    const result = verdict(minutes);
    const writes = workload.writes;
    process.stdout.write(
      `\nwrites acknowledged or tried: ${writes.created} people created, ${writes.related} relationships added, ${writes.ingested} documents imported\n` +
        `${result.lines.join('\n')}\nverdict: ${result.pass ? 'PASS' : 'FAIL'}\n`,
    );
    if (!result.pass && target.logFile) {
      const tail = readFileSync(target.logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
      process.stdout.write(`last lines of the server's log (LOG_LEVEL=${args.logLevel}):\n${tail}\n`);
    }
    pass = result.pass;
  } finally {
    await target.close();
  }
  process.exitCode = pass ? 0 : 1;
}

/** The workload as fast as it goes (after a warm-up of a few seconds), in requests per second. */
async function measurePeak(target: SoakTarget, workload: Workload, args: SoakArgs): Promise<number> {
  progress(`measuring the peak: ${args.peakSeconds} s as fast as it goes, ${args.connections} connections`);
  await drive(target, workload, { seconds: 3, connections: args.connections });
  const failures = new Map<string, number>();
  const result = await drive(target, workload, { seconds: args.peakSeconds, connections: args.connections }, {
    answer: () => undefined,
    error: (code) => failures.set(code, (failures.get(code) ?? 0) + 1),
  });
  const peak = result.requests.average;
  const errors = failures.size ? [...failures].map(([code, n]) => `${code} ${n}`).join(', ') : 'no errors';
  progress(`peak ${Math.round(peak)} req/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors}); soaking at half`);
  return peak;
}

async function soak(target: SoakTarget, workload: Workload, args: SoakArgs, rate: number): Promise<MinuteFigures[]> {
  const recorder = new MinuteRecorder(args.minutes);
  const figures: MinuteFigures[] = [];
  process.stdout.write(`${MINUTE_HEADER}\n`);
  const printUpTo = (minute: number): void => {
    while (figures.length < minute) {
      const f = recorder.figures(figures.length);
      figures.push(f);
      process.stdout.write(`${minuteLine(f)}\n`);
    }
  };
  recorder.start();
  const started = performance.now();
  const sampler = setInterval(() => {
    void target.rssMb().then((mb) => recorder.rss(mb));
    // A minute is printed once the next one is a second old, so late answers have landed.
    printUpTo(Math.floor((performance.now() - started - 1_000) / 60_000));
  }, RSS_SAMPLE_MS);
  const ingests: Promise<void>[] = [];
  const ingestTimers = Array.from({ length: args.minutes }, (_, m) =>
    setTimeout(() => ingests.push(ingestOnce(target, workload, recorder)), m * 60_000 + INGEST_OFFSET_MS),
  );
  try {
    await drivePaced(target.url, target.token, workload, { seconds: args.minutes * 60, connections: args.connections, rate }, recorder);
    await Promise.all(ingests);
    recorder.rss(await target.rssMb());
  } finally {
    clearInterval(sampler);
    for (const t of ingestTimers) clearTimeout(t);
  }
  printUpTo(args.minutes);
  process.stdout.write(`\nby operation, whole run:\n${recorder.operationLines().join('\n')}\n`);
  return figures;
}

/** The minute's import: a new document through ingestDocument, timed and checked like the rest. */
async function ingestOnce(target: SoakTarget, workload: Workload, recorder: MinuteRecorder): Promise<void> {
  const request = workload.ingest();
  const started = performance.now();
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: request.body,
    });
    const code = workload.check(request, res.status, await res.text());
    const ms = performance.now() - started;
    recorder.answer(ms, request.op);
    recorder.ingest(ms);
    if (code) recorder.error(code, true);
  } catch {
    recorder.error('CONNECTION_ERROR', false);
  }
}

interface Sink {
  answer(latencyMs: number, op: string): void;
  error(code: string, answered: boolean): void;
}

/** autocannon's per-connection context: with one request in flight per connection, the one answered. */
interface RequestContext {
  request: SoakRequest;
}

interface DriveOptions {
  readonly seconds: number;
  readonly connections: number;
}

/** One autocannon run of the workload as fast as it goes (the peak); every answer is checked and reported to `sink`. */
function drive(target: SoakTarget, workload: Workload, options: DriveOptions, sink?: Sink): Promise<autocannon.Result> {
  const path = new URL(target.url).pathname;
  let answered: SoakRequest | null = null;
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const load = {
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req, context) => {
          const next = workload.next();
          (context as RequestContext).request = next;
          return {
            ...req,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', ...(next.write ? { authorization: `Bearer ${target.token}` } : {}) },
            body: next.body,
          };
        },
        onResponse: (status, body, context) => {
          answered = (context as RequestContext).request;
          const code = workload.check(answered, status, body);
          if (code) sink?.error(code, true);
        },
      },
    ],
  } satisfies autocannon.Options;
  const instance = autocannon(load, (error: unknown, result) => (error ? failed(error) : done(result)));
  // autocannon reports an answer's body (onResponse) and then, synchronously, its latency.
  instance.on('response', (_client, _status, _bytes, responseTime) => sink?.answer(responseTime, answered?.op ?? 'unknown'));
  instance.on('reqError', (error) => sink?.error(/timed out/.test(error.message) ? 'TIMEOUT' : 'CONNECTION_ERROR', false));
  return finished;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
