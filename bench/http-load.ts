import autocannon from 'autocannon';

export interface LoadFigures {
  readonly requestsPerSecond: number;
  /** Latency percentiles in ms, exact (from every response's own time, not autocannon's whole-ms histogram). */
  readonly p50: number;
  readonly p99: number;
  /** Responses that were not 200 with `data` and without `errors`, plus connection errors. */
  readonly failures: number;
  /** Responses received (every status). */
  readonly responses: number;
  /** What the failures were, e.g. "3 not 200, 1 timeouts"; empty when none. */
  readonly failureKinds: string;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
}

/** autocannon without a callback: its result promise, which also emits per-response events. */
type Running = Promise<autocannon.Result> & {
  on(event: 'response', listener: (client: autocannon.Client, status: number, bytes: number, ms: number) => void): void;
};

/** One autocannon run: POSTs `query` to `url` for `seconds`, checking every response body. */
export function runLoad(url: string, query: string, options: LoadOptions): Promise<LoadFigures> {
  return runBodyLoad(url, JSON.stringify({ query }), options);
}

/** One autocannon run of a JSON body (a GraphQL request or any other). */
export async function runBodyLoad(url: string, body: string, { seconds, connections }: LoadOptions): Promise<LoadFigures> {
  const times: number[] = [];
  const started = performance.now();
  const running = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duration: seconds,
    connections,
    // Every body is read: a GraphQL error answers 200 too, so the status alone proves nothing.
    verifyBody: (text) => isCleanData(text),
  }) as Running;
  running.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await running;
  const elapsedSeconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number): number => (times.length === 0 ? NaN : times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!);
  return {
    requestsPerSecond: times.length / elapsedSeconds,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    failures: result.non2xx + result.mismatches + result.errors,
    responses: times.length,
    failureKinds: [
      [result.non2xx, 'not 200'],
      [result.mismatches, 'without data or with errors'],
      [result.errors, 'connection errors'],
      [result.timeouts, 'of them timeouts'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', '),
  };
}

/** Checks one answer before loading, so a broken query fails with its message, not a count. */
export async function checkOnce(url: string, query: string): Promise<void> {
  await fetchData(url, JSON.stringify({ query }));
}

/** POSTs `body` once; answers the parsed JSON, or throws with the status and the start of the text. */
export async function fetchData(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200 || !isCleanData(text)) throw new Error(`${url} answered ${res.status} ${text.slice(0, 500)} to ${body.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}

function isCleanData(text: unknown): boolean {
  return typeof text === 'string' && text.startsWith('{"data":') && !text.includes('"errors":');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
