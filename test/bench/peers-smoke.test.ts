import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { tempDir } from '../support/files';
import { Neo4jTestHooks } from '../support/neo4j-test-hooks';
import { describeNeo4j, neo4jTestOptions } from '../support/stores';

/**
 * `npm run bench:peers -- --quick` still runs (on the test run's Neo4j, TEST_NEO4J_URI, which it
 * wipes and loads), and its response check can fail: a deliberately changed answer is caught.
 * Times nothing; the figures of a smoke run are not looked at. The bench runs compiled, as the
 * npm script runs it, so the product's build is brought up to date first (tsc only).
 */
const ROOT = projectRoot();
const BENCH = join(ROOT, 'dist', 'bench', 'peers.js');
const MINUTES = 60_000;

describeNeo4j('bench:peers --quick', () => {
  const options = neo4jTestOptions()!;
  const outDir = tempDir();

  beforeAll(() => {
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 4 * MINUTES,
    });
    if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${tsc.stdout}${tsc.stderr}`);
    if (!existsSync(BENCH)) throw new Error(`${BENCH} was not built`);
  }, 5 * MINUTES);

  afterAll(async () => {
    // The bench leaves its data set behind; the next suite should find the database as suites leave it.
    const hooks = Neo4jTestHooks.create(options);
    await hooks.wipe();
    await hooks.close();
  });

  const bench = (args: readonly string[]): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [BENCH, '--quick', '--neo4j-uri', options.uri, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 6 * MINUTES,
      env: { ...process.env, NEO4J_USER: options.user, NEO4J_PASSWORD: options.password, NEO4J_DATABASE: options.database },
    });

  it(
    'prints the table with every system, workload and target ratio, writes it as markdown, and exits 0',
    () => {
      const out = join(outDir, 'last-run.md');
      const run = bench(['--out', out]);
      expect(run.stderr).toContain('answers agree');
      if (run.status !== 0) throw new Error(`bench:peers --quick exited with ${run.status}:\n${run.stderr.slice(-3000)}`);
      for (const row of [
        '| W1 entity by id | ours on Neo4j |',
        '| W2 ',
        '| W3 ',
        '| W4 name search | @neo4j/graphql 7.6.3 |',
        '| W5 ',
        '| W6 neighbourhood of depth 2 around a hub | hand-written Cypher |',
        '| ceiling | bare Apollo 5 {hello} (ceiling) |',
        '| W1 entity by id | ours on the embedded store (reference) |',
        '| ours / @neo4j/graphql req/s @16 |',
        '| ours / @neo4j/graphql p99 @16 |',
        '| ours / hand p50 @1 |',
        '| ours / hand req/s @16 |',
      ]) {
        expect(run.stdout).toContain(row);
      }
      expect(run.stdout).toMatch(/QUICK: a smoke run/);
      // Each target's workloads carry a verdict.
      expect(run.stdout.match(/\*\*(PASS|FAIL)\*\*/g)).toHaveLength(2 + 2 + 3 + 3);
      expect(run.stdout).toContain(readFileSync(out, 'utf8'));
    },
    7 * MINUTES,
  );

  it(
    'fails, naming the workload and the difference, when one system answers differently',
    () => {
      const run = bench(['--workloads', 'W2', '--systems', 'ours-neo4j,hand', '--inject-difference', 'W2']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('RESPONSE CHECK FAILED');
      expect(run.stderr).toMatch(/W2 \(an event's participants[^)]*\): the answers differ/);
      expect(run.stderr).toContain('hand-written Cypher differs from ours on Neo4j');
      expect(run.stderr).toContain('(injected difference)');
      expect(run.stdout).not.toContain('| ratio');
    },
    7 * MINUTES,
  );

  it('refuses a bad flag with the usage', () => {
    const run = bench(['--workloads', 'W9']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--workloads takes a comma-separated subset of W1,W2,W3,W4,W5,W6; got "W9"');
    expect(run.stderr).toContain('usage: npm run bench:peers');
  });
});
