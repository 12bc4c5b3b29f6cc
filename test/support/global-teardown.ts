/**
 * Removes the run's temporary directory and stops the Neo4j the global setup started, if it started
 * one; a given NEO4J_URI is left alone.
 */
import { rmSync } from 'node:fs';
import type { Neo4jServer } from './neo4j-server';
import { TEST_TMP_ENV } from './test-tmp';

const SERVER_KEY = '__rightsgraphTestNeo4j';

async function globalTeardown(): Promise<void> {
  const tmp = process.env[TEST_TMP_ENV];
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  const server = (globalThis as Record<string, unknown>)[SERVER_KEY] as Neo4jServer | undefined;
  if (!server) return;
  delete (globalThis as Record<string, unknown>)[SERVER_KEY];
  // Its temporary store is removed by neo4j-server's exit hook once jest exits.
  await server.stop();
}

export = globalTeardown;
