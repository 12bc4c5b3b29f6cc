/**
 * Provides the Neo4j that the Neo4j suites share, once per jest run, to every test file through
 * TEST_NEO4J_* variables (set here, before the workers start, so they inherit them):
 * 1. TEST_NEO4J_URI or NEO4J_URI already set: that server is used (and will be WIPED by the tests);
 * 2. else, with Java 17 and Maven present: a fresh Neo4j on a free port and a temporary store;
 * 3. else: outside CI, TEST_NEO4J_SKIP_REASON says why, and only the Neo4j suites skip; in CI
 *    (CI=true) the run fails, so a missing database can never pass for green.
 *
 * Only when a test file of this run needs it, since starting one takes some 20 s. The files are
 * the ones jest handed its sequencer (test/support/recording-sequencer.cjs). The rule: a file
 * needs Neo4j when its text, or that of a module under test/ it imports (transitively), names
 * STORE_KINDS, describeStore, describeNeo4j, neo4jTestOptions, wipeNeo4j, loadedStore('neo4j'),
 * useSeededApi('neo4j') or a TEST_NEO4J_* variable: every way a suite reaches the shared server
 * goes through those (test/support/stores.ts, which defines them, does not count). When no file
 * needs it, nothing is started or set. When the files are unknown (another sequencer), Neo4j is
 * provided as before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Neo4jServer } from './neo4j-server';
import { neo4jAvailability, startNeo4j } from './neo4j-server';
import { needsNeo4j, selectedTestFiles } from './neo4j-need';
import { TEST_TMP_ENV } from './test-tmp';

/** Where the teardown finds the server this setup started (same process as the setup). */
const SERVER_KEY = '__rightsgraphTestNeo4j';
const HOW_TO_ENABLE = 'install Java 17 and Maven, or set NEO4J_URI to a Neo4j 5.26 the tests may wipe';

async function globalSetup(): Promise<void> {
  // One directory for every test's DATA_DIR, removed whole by the teardown.
  process.env[TEST_TMP_ENV] = mkdtempSync(join(tmpdir(), 'rightsgraph-test-run-'));
  const files = selectedTestFiles();
  if (files && !needsNeo4j(files)) {
    process.stdout.write('\nNo test file of this run needs Neo4j: none provided\n');
    return;
  }
  const given = process.env.TEST_NEO4J_URI || process.env.NEO4J_URI;
  if (given) {
    process.env.TEST_NEO4J_URI = given;
    process.env.TEST_NEO4J_USER ??= process.env.NEO4J_USER ?? 'neo4j';
    process.env.TEST_NEO4J_PASSWORD ??= process.env.NEO4J_PASSWORD ?? '';
    process.env.TEST_NEO4J_DATABASE ??= process.env.NEO4J_DATABASE ?? 'neo4j';
    return;
  }

  const availability = neo4jAvailability();
  let failure: string;
  if (availability.available) {
    try {
      const started = Date.now();
      const server = await startNeo4j();
      (globalThis as Record<string, unknown>)[SERVER_KEY] = server satisfies Neo4jServer;
      process.env.TEST_NEO4J_URI = server.uri;
      process.env.TEST_NEO4J_USER = 'neo4j';
      process.env.TEST_NEO4J_PASSWORD = '';
      process.env.TEST_NEO4J_DATABASE = 'neo4j';
      process.stdout.write(`\ntest Neo4j ready at ${server.uri} in ${Date.now() - started} ms (store ${server.dataDir})\n`);
      return;
    } catch (e) {
      failure = `Neo4j could not be started: ${e instanceof Error ? e.message : String(e)}`;
    }
  } else {
    failure = `Neo4j is unavailable: ${availability.reason}`;
  }

  if (process.env.CI === 'true') throw new Error(`${failure}\n(CI=true: the Neo4j suites must run, so the run fails)`);
  const reason = `${failure.split('\n')[0]}; ${HOW_TO_ENABLE}`;
  process.env.TEST_NEO4J_SKIP_REASON = reason;
  process.stdout.write(`\nSKIPPING the Neo4j suites: ${reason}\n`);
}

export = globalSetup;
