import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { testTempDir } from '../support/test-tmp';

/**
 * The server as users start it: the compiled entry point (`npm start` builds it; `npm ci` builds
 * it through `prepare`), its JSON logs, and a graceful stop on SIGTERM.
 */
const MAIN = join(projectRoot(), 'dist', 'src', 'main.js');
const built = existsSync(MAIN);
if (!built && process.env.CI !== 'true') console.log(`skipping the process test: ${MAIN} is missing; run \`npm run build\``);
const describeBuilt = built || process.env.CI === 'true' ? describe : describe.skip;

describeBuilt('the server process', () => {
  let child: ChildProcess;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NEO4J_URI: '', DATA_DIR: testTempDir('process-') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          lines.push(JSON.parse(line));
        } catch {
          lines.push({ unparsed: line });
        }
      }
    });
    await waitFor(() => lines.some((l) => typeof l.url === 'string'), 20_000);
  }, 30_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('logs JSON lines and serves the seed graph', async () => {
    expect(lines.every((l) => !('unparsed' in l))).toBe(true);
    const url = lines.find((l) => typeof l.url === 'string')!.url as string;
    const res = await fetch(url.replace(/\/graphql$/, '/health'));
    expect(res.status).toBe(200);
    const gql = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect(await gql.json()).toEqual({ data: { sources: [{ id: 'kazmfa-2023-12-14-dphd-cab-concluding-meeting' }] } });
  });

  it('stops gracefully on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the server did not report that it listens');
    await new Promise((r) => setTimeout(r, 50));
  }
}
