/**
 * SIGTERM to the server process (dist/src/main.js, as users start it) in the middle of load:
 * requests already in flight finish with their data (a write among them, which is then durable),
 * new ones are refused (connection refused, or 503 on a connection already open), nothing is
 * answered with an error, and the process exits with code 0.
 *
 * "In flight" is made certain rather than hoped for: two requests send their headers and half of
 * their body before the signal and the rest after it, so the server is provably inside them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { TOKEN_ENV, TOKENS } from '../support/api';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { testTempDir } from '../support/test-tmp';

const MAIN = join(projectRoot(), 'dist', 'src', 'main.js');
const built = existsSync(MAIN);
if (!built && process.env.CI !== 'true') console.log(`skipping the SIGTERM test: ${MAIN} is missing; run \`npm run build\``);
const describeBuilt = built || process.env.CI === 'true' ? describe : describe.skip;

jest.setTimeout(90_000);

const CREATE = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }';
const READ = '{ neighborhood(id: "dphd-cab-concluding-meeting-2023", depth: 2) { nodes { id } } }';

interface Answer {
  readonly status: number;
  readonly body: any;
}

interface Server {
  readonly url: URL;
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const m = /"url":"([^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return { url: new URL(url), process: child, exited, output: () => output };
}

/**
 * A POST on a connection of its own. `hold`: send the headers and half the body now, the rest
 * when `release` is called; the answer (or the connection's error code) resolves `answer`.
 */
function post(url: URL, payload: unknown, token?: string, hold = false): { answer: Promise<Answer | string>; release: () => void; sent: Promise<void> } {
  const body = Buffer.from(JSON.stringify(payload));
  let release = (): void => undefined;
  let sent!: () => void;
  const sentPromise = new Promise<void>((r) => (sent = r));
  const answer = new Promise<Answer | string>((resolve) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    if (!hold) {
      req.end(body, () => sent());
      return;
    }
    const half = Math.floor(body.length / 2);
    req.flushHeaders();
    req.write(body.subarray(0, half), () => sent());
    release = () => req.end(body.subarray(half));
  });
  return { answer, release: () => release(), sent: sentPromise };
}

describeBuilt('SIGTERM during load', () => {
  let env: NodeJS.ProcessEnv;
  const servers: Server[] = [];

  beforeAll(() => {
    env = { ...process.env, ...TOKEN_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NEO4J_URI: '', DATA_DIR: testTempDir('faults-sigterm-') };
  });
  afterAll(() => {
    for (const s of servers) if (s.process.exitCode === null) s.process.kill('SIGKILL');
  });

  it('finishes the requests in flight, refuses new ones and exits with 0; the write in flight is kept', async () => {
    const server = await startServer(env);
    servers.push(server);
    const warm = await post(server.url, { query: READ }).answer;
    expect(warm).toMatchObject({ status: 200, body: { data: { neighborhood: { nodes: expect.any(Array) } } } });

    const id = `sigterm-${Date.now()}`;
    const input = { id, kind: 'PERSON', name: 'Sigterm Test Person', evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: 'Roman Vassilenko' }] };
    const heldWrite = post(server.url, { query: CREATE, variables: { input } }, TOKENS.editor, true);
    const heldRead = post(server.url, { query: READ }, undefined, true);
    await Promise.all([heldWrite.sent, heldRead.sent]);

    // Load: waves of concurrent reads, the signal landing in the middle of them.
    let loading = true;
    const burst: Promise<Answer | string>[] = [];
    const loader = (async () => {
      while (loading) {
        const wave = Array.from({ length: 8 }, () => post(server.url, { query: READ }).answer);
        burst.push(...wave);
        await Promise.all(wave);
      }
    })();
    while (burst.length < 32) await new Promise((r) => setTimeout(r, 20));
    server.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    loading = false;
    await loader;

    // The held requests keep the process alive; a request now finds the door shut.
    expect(server.process.exitCode).toBeNull();
    const late = await post(server.url, { query: READ }).answer;
    expect(typeof late === 'string' ? late : late.status).toMatch(/^(ECONNREFUSED|503)$/);

    heldWrite.release();
    heldRead.release();
    expect(await heldWrite.answer).toEqual({ status: 200, body: { data: { createEntity: { id } } } });
    expect(await heldRead.answer).toMatchObject({ status: 200, body: { data: { neighborhood: { nodes: expect.any(Array) } } } });

    // Every request of the load was answered with data, or refused before the server took it.
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => typeof o !== 'string' && o.status === 200).length).toBeGreaterThan(0);
    for (const o of outcomes) {
      if (typeof o === 'string') expect(o).toMatch(/^(ECONNREFUSED|ECONNRESET)$/);
      else if (o.status === 200) expect(o.body.errors).toBeUndefined();
      else expect(o.status).toBe(503);
    }

    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"msg":"shutting down"/);

    // The write answered during the shutdown is durable.
    const again = await startServer(env);
    servers.push(again);
    const kept = await post(again.url, { query: 'query ($id: ID!) { entity(id: $id) { id name } }', variables: { id } }).answer;
    expect(kept).toEqual({ status: 200, body: { data: { entity: { id, name: 'Sigterm Test Person' } } } });
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
