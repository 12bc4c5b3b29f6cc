import { Agent, request } from 'node:http';
import type { SoakRequest, Workload } from './soak-workload';

/**
 * Requests at a fixed, even rate (open loop): request i is due at i / rate seconds, whether or not
 * earlier ones were answered, and its latency counts from when it was due, so time spent waiting
 * for a free connection is measured too (no coordinated omission).
 *
 * autocannon's `overallRate` is not used for the soak: each of its connections sends its share of
 * a second back to back when the second starts and then idles, so at half the peak every second
 * begins with a burst of the whole second's requests. The queue that builds up dominated p50 and
 * p99 (110 ms and 420 ms at 89 req/s on a server answering these requests in ~10 ms), and the
 * requests held alive through it made the heap churn more than the load itself would.
 */
export interface PacedOptions {
  readonly seconds: number;
  /** Most requests in flight at once (keep-alive sockets). */
  readonly connections: number;
  readonly rate: number;
  /** A request unanswered this long counts as TIMEOUT. */
  readonly timeoutMs?: number;
}

export interface PacedSink {
  answer(latencyMs: number, op: string): void;
  error(code: string, answered: boolean): void;
}

/** How often the pacer wakes to send what has come due. */
const TICK_MS = 2;

/**
 * After a stall (a busy machine, a long GC, the event loop held by the answers), requests that came
 * due late go out at this multiple of the rate, not all at once: a burst of a stall's worth would
 * queue at the server and measure the pacer's hiccup as the server's latency. Their latency still
 * counts from when they were due, so the stall is not hidden either.
 */
const CATCH_UP = 2;

/** Requests that may go out back to back when the pacer wakes late: this many milliseconds' worth at the catch-up rate. */
const CATCH_UP_BURST_MS = 10;

export async function drivePaced(url: string, token: string, workload: Workload, options: PacedOptions, sink: PacedSink): Promise<{ sent: number }> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = 1000 / options.rate;
  const total = Math.floor(options.seconds * options.rate);
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;

  const send = (next: SoakRequest, dueAt: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(next.write ? { authorization: `Bearer ${token}` } : {}) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const code = workload.check(next, res.statusCode ?? 0, body);
            sink.answer(performance.now() - dueAt, next.op);
            if (code) sink.error(code, true);
            resolve();
          });
          res.on('error', () => {
            sink.error('CONNECTION_ERROR', false);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) => {
        sink.error(/timed out/.test(e.message) ? 'TIMEOUT' : 'CONNECTION_ERROR', false);
        resolve();
      });
      req.end(next.body);
    });

  // A token bucket caps the sending rate at CATCH_UP x rate: on schedule a token is always there;
  // after a stall the bucket holds at most a small burst, so the overdue requests are spread out.
  const burst = Math.max(2, (CATCH_UP_BURST_MS * CATCH_UP) / intervalMs);
  let tokens = burst;
  let lastTick = started;
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const now = performance.now();
      tokens = Math.min(burst, tokens + ((now - lastTick) * CATCH_UP) / intervalMs);
      lastTick = now;
      while (sent < total && tokens >= 1 && started + sent * intervalMs <= now) {
        const p = send(workload.next(), started + sent * intervalMs);
        inFlight.add(p);
        void p.then(() => inFlight.delete(p));
        sent++;
        tokens--;
      }
      if (sent >= total) {
        clearInterval(tick);
        done();
      }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  agent.destroy();
  return { sent };
}
