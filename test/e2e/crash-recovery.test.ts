import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { TOKEN_ENV, TOKENS } from '../support/api';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { describeStore, loadedStore, neo4jTestOptions, STORE_KINDS, type StoreKind } from '../support/stores';
import { testTempDir } from '../support/test-tmp';

/**
 * kill -9 of the server in the middle of a stream of writes, then a restart: every write the
 * server acknowledged is there, on both stores. Runs the compiled server as users do.
 */
const MAIN = join(projectRoot(), 'dist', 'src', 'main.js');
const built = existsSync(MAIN);
if (!built && process.env.CI !== 'true') console.log(`skipping the crash test: ${MAIN} is missing; run \`npm run build\``);

jest.setTimeout(180_000);

const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }`;

for (const kind of STORE_KINDS) {
  (built || process.env.CI === 'true' ? describeStore : describe.skip)(kind, () => {
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      env = { ...process.env, ...TOKEN_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NEO4J_URI: '' };
      if (kind === 'neo4j') {
        const options = neo4jTestOptions()!;
        await (await loadedStore('neo4j')).close();
        Object.assign(env, { NEO4J_URI: options.uri, NEO4J_USER: options.user, NEO4J_PASSWORD: options.password });
      } else {
        env.DATA_DIR = testTempDir('crash-');
      }
    }, 180_000);

    it('keeps every acknowledged write after SIGKILL and restart', async () => {
      const acknowledged = await writeUntilKilled(kind, env, 40 + Math.floor(Math.random() * 40));
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      const server = await startServer(env);
      try {
        const seedStillThere = await graphql(server.url, '{ entity(id: "roman-vassilenko") { id } }', {});
        expect(seedStillThere.data.entity).toEqual({ id: 'roman-vassilenko' });
        for (const id of acknowledged) {
          const res = await graphql(server.url, `query ($id: ID!) { entity(id: $id) { id name } }`, { id });
          expect(res.data.entity).toEqual({ id, name: `Crash Test Person ${id.split('-').pop()}` });
        }
      } finally {
        await server.stop();
      }
    });
  });
}

/** Streams createEntity mutations and SIGKILLs the server after `killAfter` acknowledgements. */
async function writeUntilKilled(kind: StoreKind, env: NodeJS.ProcessEnv, killAfter: number): Promise<string[]> {
  const server = await startServer(env);
  const acknowledged: string[] = [];
  const run = `${kind}-${Date.now()}`;
  let killed = false;
  // Several writers at once, so the kill lands while writes are in flight.
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; !killed; i++) {
      const id = `crash-${run}-${w}-${i}`;
      const input = {
        id,
        kind: 'PERSON',
        name: `Crash Test Person ${i}`,
        evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: 'Roman Vassilenko' }],
      };
      try {
        const res = await graphql(server.url, CREATE, { input }, TOKENS.editor);
        if (res.data?.createEntity?.id === id) acknowledged.push(id);
      } catch {
        return; // the connection died with the server
      }
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        server.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all([0, 1, 2].map(writer));
  if (server.process.exitCode === null && server.process.signalCode === null) {
    await new Promise((r) => server.process.once('exit', r));
  }
  return acknowledged;
}

interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"([^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
