import 'reflect-metadata';
import { join } from 'node:path';
import * as neo4jDriver from 'neo4j-driver';
import pino from 'pino';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startHandServer } from './peers-hand-server';
import { peersDir } from './peers-install';
import { startServer as startBare } from './http-targets';

/**
 * One system of the peer bench in its own process (see http.ts for why a server never shares the
 * load generator's event loop): `ours` (the real server as `npm start` runs it, configured by the
 * environment the parent sets: NEO4J_URI or DATA_DIR, QUERY_STATS=1), `hand` (./peers-hand-server)
 * or `bare`. Prints `READY <base url>` once it listens; stops on SIGTERM. The @neo4j/graphql peer
 * is bench/peers/neo4j-graphql-server.mjs, an ESM program of its own package folder.
 */
interface Running {
  readonly url: string;
  close(): Promise<void>;
}

interface DriverCapture {
  close(): Promise<void>;
}

type InstallCapture = (neo4j: unknown, connection: { uri: string; user: string; password: string; database: string }) => DriverCapture;

async function main(): Promise<void> {
  const kind = process.argv[2];
  const connection = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
  // Statements are recorded on the product's own driver module, the one src/adapters/neo4j uses.
  const capture = connection.uri ? installCapture(connection) : null;
  let running: Running;
  if (kind === 'ours') {
    const app = await startApp(loadConfig(), pino({ level: 'silent' }));
    running = { url: app.url, close: () => app.stop() };
  } else if (kind === 'hand') {
    running = await startHandServer(connection);
  } else if (kind === 'bare') {
    const bare = await startBare('bare');
    running = { url: bare.url.replace(/\/$/, ''), close: () => bare.close() };
  } else {
    throw new Error(`expected ours, hand or bare, got "${String(kind)}"`);
  }
  process.once('SIGTERM', () => {
    Promise.all([running.close(), capture?.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write(`READY ${running.url}\n`);
}

function installCapture(connection: Parameters<InstallCapture>[1]): DriverCapture {
  // A CommonJS file shared with the ESM peer, outside the compiled tree: loaded by path at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installDriverCapture } = require(join(peersDir(), 'driver-capture.cjs')) as { installDriverCapture: InstallCapture };
  return installDriverCapture(neo4jDriver, connection);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
