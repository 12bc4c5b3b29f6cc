/**
 * The soak's pacer (bench/soak-paced.ts) against a real HTTP server that answers like ours: it must
 * send rate x seconds requests spread evenly over the time (not in bursts at each second's start),
 * check every answer, and count a slow answer's latency from when its request was due.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drivePaced } from '../../bench/soak-paced';
import { Workload } from '../../bench/soak-workload';

const POOL = {
  people: [{ id: 'p1', name: 'Ada Lind' }],
  organizations: [{ id: 'o1', name: 'Free Press Watch' }],
  events: [{ id: 'e1', name: 'Round table' }],
};

/** Answers every read with a whole search/entity/... answer the workload accepts, after `delayMs`. */
function answeringServer(delayMs: () => number): { server: Server; arrivals: number[] } {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { input?: { id?: string } } };
      const id = variables.input?.id ?? 'x';
      const data = {
        search: { edges: [] },
        entity: { id },
        neighborhood: { nodes: [] },
        paths: [],
        createEntity: { id },
        addRelationship: { id },
        ingestDocument: { id },
      };
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data })), delayMs());
    });
  });
  return { server, arrivals };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('soak pacer', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('sends rate x seconds requests evenly, and checks every answer', async () => {
    const fake = answeringServer(() => 1);
    server = fake.server;
    const url = await listen(server);
    const errors: string[] = [];
    const latencies: number[] = [];
    const started = performance.now();
    const { sent } = await drivePaced(url, 'token', new Workload(POOL, 'test'), { seconds: 2, connections: 8, rate: 100 }, {
      answer: (ms) => latencies.push(ms),
      error: (code) => errors.push(code),
    });
    expect(sent).toBe(200);
    expect(latencies).toHaveLength(200);
    // Evenly: no tenth of a second holds more than a few tenths' worth of requests (autocannon's
    // rate sends a whole second's 100 at once). Measured over sliding windows, not from the start,
    // since the first connections take a moment to open on a busy machine.
    const busiestTenth = Math.max(...fake.arrivals.map((t) => fake.arrivals.filter((u) => u >= t && u < t + 100).length));
    expect(busiestTenth).toBeLessThanOrEqual(30);
    const firstHalf = fake.arrivals.filter((t) => t - started < 1_000).length;
    expect(firstHalf).toBeGreaterThan(80);
    expect(firstHalf).toBeLessThan(120);
    expect(errors).toEqual([]);
  });

  it('spreads the requests that came due during a stall instead of sending them at once', async () => {
    const fake = answeringServer(() => 1);
    server = fake.server;
    const url = await listen(server);
    const latencies: number[] = [];
    // Hold this process's event loop for 300 ms half a second in: 30 requests come due meanwhile.
    const stall = setTimeout(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    }, 500);
    const { sent } = await drivePaced(url, 'token', new Workload(POOL, 'test'), { seconds: 2, connections: 8, rate: 100 }, {
      answer: (ms) => latencies.push(ms),
      error: () => undefined,
    });
    clearTimeout(stall);
    expect(sent).toBe(200);
    // At twice the rate the overdue 30 take ~150 ms to go out, so no tenth holds more than ~22.
    const busiestTenth = Math.max(...fake.arrivals.map((t) => fake.arrivals.filter((u) => u >= t && u < t + 100).length));
    expect(busiestTenth).toBeLessThanOrEqual(25);
    // The stall is not hidden: the overdue requests' latency counts from when they were due.
    expect(Math.max(...latencies)).toBeGreaterThan(250);
  });

  it('counts the wait for a free connection in the latency (open loop)', async () => {
    server = answeringServer(() => 100).server;
    const url = await listen(server);
    const latencies: number[] = [];
    // One connection, 20 requests a second, 100 ms each: the last one, due at 0.95 s, is answered
    // at ~2 s; a closed loop would have called it 100 ms.
    await drivePaced(url, 'token', new Workload(POOL, 'test'), { seconds: 1, connections: 1, rate: 20 }, {
      answer: (ms) => latencies.push(ms),
      error: () => undefined,
    });
    expect(latencies).toHaveLength(20);
    expect(Math.max(...latencies)).toBeGreaterThan(900);
  });
});
