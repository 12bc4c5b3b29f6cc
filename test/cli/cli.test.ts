import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { jsonl, NEW_GRAPH, newPerson, tempDir, writeTemp } from '../support/files';

/**
 * The import and export commands as `npm run import` / `npm run export` start them: the compiled
 * entry points, on a temporary DATA_DIR, with the store the environment selects (embedded here).
 */
const DIST = join(projectRoot(), 'dist', 'src', 'cli');
const built = existsSync(join(DIST, 'import.js')) && existsSync(join(DIST, 'export.js'));
if (!built && process.env.CI !== 'true') console.log(`skipping the import/export CLI test: ${DIST}/{import,export}.js missing; run \`npm run build\``);
const describeBuilt = built || process.env.CI === 'true' ? describe : describe.skip;

describeBuilt('the import and export commands', () => {
  const dataDir = tempDir();
  const run = (cli: 'import' | 'export', args: string[]) =>
    spawnSync(process.execPath, [join(DIST, `${cli}.js`), ...args], {
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses a bad file with every bad line on stderr and exit code 1', () => {
    const bad = [...NEW_GRAPH.slice(0, 2), { ...newPerson, kind: 'ROBOT' }, '{oops'].map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
    const path = writeTemp('bad.jsonl', bad.join('\n'));
    const result = run('import', [path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path}:3 (record "aigerim-sultanova"): kind: Invalid option`);
    expect(result.stderr).toContain(`${path}:4: not valid JSON`);
    expect(result.stderr).toMatch(/refused, 2 problems in 2 lines; nothing was written/);
  });

  it('validates without writing on --dry-run, imports, and then finds nothing to write', () => {
    const path = writeTemp('new.jsonl', jsonl(NEW_GRAPH));
    const dry = run('import', [path, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/dry run: nothing written/);
    expect(dry.stdout).toMatch(/would write 4 records/);

    const first = run('import', [path, '--actor', 'cli-test']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/wrote 4 records in 1 write \(atomic\)/);

    const second = run('import', [path]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/4 unchanged/);
    expect(second.stdout).toMatch(/nothing to write/);
  });

  it('exports to stdout with nothing else on it, and to a file', () => {
    const stdout = run('export', ['--format', 'cytoscape']);
    expect(stdout.status).toBe(0);
    const json = JSON.parse(stdout.stdout);
    expect(json.elements.nodes.map((n: any) => n.data.id)).toContain(newPerson.id);

    const dir = tempDir();
    const out = join(dir, 'graph.gexf');
    const file = run('export', ['--format', 'gexf', '--out', out]);
    expect(file.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[\s\S]*<\/gexf>\n$/);
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
  });

  it('explains its usage errors', () => {
    const result = run('export', ['--format', 'svg']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--format must be one of jsonl, graphml, gexf, cytoscape; got "svg"/);
  });
});
