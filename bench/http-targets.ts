import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import pino from 'pino';
import { startApp } from '../src/app';
import { configSchema } from '../src/config';

/** A server under load: where to POST, and how to stop it. */
export interface Target {
  readonly url: string;
  close(): Promise<void>;
}

export const SERVERS = ['bare', 'ours'] as const;
export type ServerName = (typeof SERVERS)[number];

/** What one autocannon run sends, and to which server. */
export interface Load {
  readonly name: string;
  readonly server: ServerName;
  readonly query: string;
}

export const LOADS: readonly Load[] = [
  { name: 'bare Apollo 5 standalone {hello}', server: 'bare', query: '{ hello }' },
  { name: 'ours entity(id){name}', server: 'ours', query: '{ entity(id: "roman-vassilenko") { name } }' },
  {
    name: 'ours event->participants->entity->relationships->to{name}',
    server: 'ours',
    query: `{ entity(id: "dphd-cab-concluding-meeting-2023") { ... on Event { participants { entity { name relationships(first: 5) { edges { node { to { name } } } } } } } } }`,
  },
];

export function startServer(name: ServerName): Promise<Target> {
  return name === 'bare' ? startBare() : startOurs();
}

/** The yardstick: Apollo Server 5's own HTTP server with a one-field schema and its defaults. */
async function startBare(): Promise<Target> {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
  });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => apollo.stop() };
}

/** The real server as `npm start` runs it, on the embedded store seeded in a fresh DATA_DIR. */
async function startOurs(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightsgraph-bench-http-'));
  const config = Object.freeze(
    configSchema.parse({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // The rate limit counts every request, as in production, but never refuses one: the bench
      // measures what it costs, and its one client is a single address.
      RATE_LIMIT_READS_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
    }),
  );
  const app = await startApp(config, pino({ level: 'silent' }));
  return {
    url: `${app.url}/graphql`,
    async close() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
