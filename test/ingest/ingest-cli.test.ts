import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../src/open-store';
import { projectRoot } from '../../src/paths';
import { tempDir, writeTemp } from '../support/files';
import { FIXTURES } from './ingest-fixtures';

/** `npm run ingest` as it starts: the compiled entry point, on an empty temporary DATA_DIR. */
const CLI = join(projectRoot(), 'dist', 'src', 'cli', 'ingest.js');
const built = existsSync(CLI);
if (!built && process.env.CI !== 'true') console.log(`skipping the ingest CLI test: ${CLI} missing; run \`npm run build\``);
const describeBuilt = built || process.env.CI === 'true' ? describe : describe.skip;

describeBuilt('the ingest command', () => {
  const dataDir = tempDir();
  const run = (args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints exactly one JSON object on --dry-run --json, and writes nothing', () => {
    const file = join(FIXTURES, 'dev', '03-osce-seminar-observers.txt');
    const result = run([file, '--dry-run', '--json', '--title', 'OSCE seminar', '--published-at', '2024-04-21']);
    expect(result.status).toBe(0);
    const x = JSON.parse(result.stdout);
    expect(Object.keys(x).sort()).toEqual(['entities', 'relationships', 'source']);
    expect(x.source).toMatchObject({ title: 'OSCE seminar', publishedAt: '2024-04-21' });
    for (const e of x.entities) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['ref', 'kind', 'name', 'aliases', 'existingId', 'evidence']));
    }
    for (const r of x.relationships) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['ref', 'type', 'from', 'to', 'role', 'onBehalfOf', 'confidence', 'evidence']));
      for (const ev of r.evidence) expect(x.source.text.slice(ev.start, ev.end)).toBe(ev.quote);
    }
    expect(x.entities.find((e: { kind: string }) => e.kind === 'EVENT')).toMatchObject({ date: '2024-04-20', dateFrom: 'DATELINE' });
    // Opening the embedded store lays down an empty snapshot; nothing is stored in it.
    for (const f of readdirSync(dataDir)) {
      const content = readFileSync(join(dataDir, f), 'utf8');
      if (f === 'snapshot.jsonl') expect(JSON.parse(content.split('\n')[0]!)).toMatchObject({ sources: 0, entities: 0, relationships: 0, changes: 0 });
      else expect(content).toBe('');
    }
  });

  it('refuses bad input with a clear message and exit code 1', () => {
    const empty = writeTemp('empty.txt', '');
    const result = run([empty, '--dry-run', '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/empty\.txt: the file is empty/);
  });

  it('files an ingestion for review without --dry-run, and the same text only once', async () => {
    const file = join(FIXTURES, 'dev', '01-roundtable-torture-prevention.txt');
    const first = run([file, '--title', 'Round table']);
    expect(first.status).toBe(0);
    const id = /filed for review as ingestion (\S+)\)/.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    const again = run([file, '--title', 'Round table']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`the same text was filed before, as ingestion ${id!}: nothing proposed again`);
    const store = await openEmbeddedStore({ dataDir });
    try {
      const listed = await store.listIngestions(null, { first: 10, offset: 0 });
      expect(listed.items.map((i) => i.id)).toEqual([id]);
      const [proposals] = await store.proposalsOf([id!], null);
      expect(proposals!.length).toBeGreaterThan(0);
      expect(proposals!.every((p) => p.status === 'PENDING')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('ingests a folder with --dir --dry-run, with a progress bar on stderr', () => {
    const result = run(['--dir', join(FIXTURES, 'holdout'), '--dry-run', '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\[#+\] 3\/3/);
    expect(JSON.parse(result.stdout).documents).toHaveLength(3);
  });
});
