import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkImportNeo4j, countMismatches, BulkImportRefused, type BulkImportResult } from '../../src/bulk-import/bulk-import';
import { importFile } from '../../src/import/import-graph';
import { memoryStore, neo4jStore } from '../../src/open-store';
import { writeJsonLines } from '../../src/records/jsonl-writer';
import type { Store } from '../../src/ports/store';
import { generateGraphChunks } from '../../src/synthetic/generate';
import { storeDump } from '../support/api';
import { jsonl, tempDir } from '../support/files';
import { startNeo4j, type Neo4jServer } from '../support/neo4j-server';

/** Texts that break naive CSV: delimiters, quotes, line breaks of every kind, the importer's own defaults (`;`), non-Latin script. */
const NASTY = [
  'a, "quoted", b',
  'semi;colon;list',
  'two\nlines',
  'windows\r\nline',
  'lone\rreturn',
  'back\\"slash\\',
  '""',
  'tab\there',
  'Р. Vassilenko — ünïcödé 😀',
  'line\u2028separator',
];
const NASTY_TEXT = `Preamble, with "quotes";\n${NASTY.map((s, i) => `Item ${i}: ${s}.`).join('\n')}\nEnd.`;

/** A synthetic graph plus records whose every text field is nasty, some evidence without offsets, an entity without aliases. */
function nastyRecords(): object[] {
  const source = { record: 'source', id: 'nasty-source', title: NASTY[0], publisher: NASTY[1], text: NASTY_TEXT };
  const quote = (i: number) => ({ sourceId: source.id, quote: `Item ${i}: ${NASTY[i]}`, confidence: 'MEDIUM' });
  return [
    source,
    ...NASTY.map((name, i) => ({
      record: 'entity', id: `nasty-${i}`, kind: i % 2 ? 'PERSON' : 'ORGANIZATION', name: `${name} ${i}`,
      aliases: i === 0 ? [] : [name, `${name};x`, `"${name}"`], description: NASTY[(i + 1) % NASTY.length],
      evidence: [quote(i), { ...quote((i + 3) % NASTY.length), confidence: 'LOW' }],
    })),
    ...NASTY.slice(1).map((role, i) => ({
      record: 'relationship', id: `nasty-r-${i}`, type: 'MEMBER_OF', fromId: `nasty-${i + 1}`, toId: 'nasty-0', role,
      description: NASTY[i], startDate: '2020-01', evidence: [quote(i + 1)],
    })),
  ];
}

/** The audit entries' volatile parts (their ids and times) aside, as two imports at different moments differ there. */
function comparable(dump: string): unknown {
  const parsed = JSON.parse(dump) as { changes: { items: { id: string; at: string }[] } };
  parsed.changes.items = parsed.changes.items.map(({ id: _id, at: _at, ...rest }) => rest) as typeof parsed.changes.items;
  return parsed;
}

describe('npm run import -- --bulk-neo4j', () => {
  let file: string;
  let result: BulkImportResult;
  let dataDir: string;
  let server: Neo4jServer | undefined;
  let bulk: Store | undefined;

  beforeAll(async () => {
    const dir = tempDir();
    file = join(dir, 'graph.jsonl');
    writeJsonLines(file, generateGraphChunks({ relationships: 300, seed: 7 }));
    writeFileSync(file, jsonl(nastyRecords()), { flag: 'a' });
    dataDir = join(dir, 'db');
    result = await bulkImportNeo4j(file, dataDir, { actor: 'tester', heap: '512m', offHeap: '256m' });
    server = await startNeo4j({ dataDir });
    bulk = neo4jStore({ uri: server.uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 30_000 });
  }, 1_200_000);

  afterAll(async () => {
    await bulk?.close();
    await server?.stop();
  }, 120_000);

  it('verifies every label and type against the file', () => {
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    expect(countMismatches(result.counts)).toEqual([]);
    expect(result.counts.find((c) => c.name === '[:MEMBER_OF]')?.found).toBeGreaterThanOrEqual(NASTY.length - 1);
    expect(result.migration).toMatchObject({ from: null, ran: true });
    // Line breaks went through the CSV files as stand-ins (no multiline mode), in every kind and in lists.
    expect(result.lineBreaks).toEqual(
      expect.arrayContaining([
        { kind: 'source', property: 'text', list: false },
        { kind: 'entity', property: 'aliases', list: true },
        { kind: 'entity', property: 'evidenceQuotes', list: true },
        { kind: 'relationship', property: 'role', list: false },
        { kind: 'relationship', property: 'description', list: false },
      ]),
    );
  });

  it('serves through our Neo4j store exactly what the online import gives the embedded store, nasty strings included', async () => {
    const online = memoryStore();
    try {
      const imported = await importFile(online, file, { actor: 'tester' });
      expect(imported.problems).toEqual([]);
      expect(comparable(await storeDump(bulk!))).toEqual(comparable(await storeDump(online)));
    } finally {
      await online.close();
    }
    const [nasty] = await bulk!.getEntities(['nasty-3']);
    expect(nasty?.aliases).toEqual([NASTY[3], `${NASTY[3]};x`, `"${NASTY[3]}"`]);
    const [source] = await bulk!.getSources(['nasty-source']);
    expect(source?.text).toBe(NASTY_TEXT);
  });

  it('refuses a directory that already holds something, and leaves it as it was', async () => {
    const used = join(tempDir(), 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'keep.txt'), 'data');
    await expect(bulkImportNeo4j(file, used, { actor: 'tester' })).rejects.toThrow(BulkImportRefused);
    await expect(bulkImportNeo4j(file, dataDir, { actor: 'tester' })).rejects.toThrow(/not empty .*never writes over one/);
    expect(readdirSync(used)).toEqual(['keep.txt']);
  });

  it('refuses an invalid file with its problems by line, and creates no database', async () => {
    const bad = join(tempDir(), 'bad.jsonl');
    const records = nastyRecords();
    const separator = { ...(records[2] as object), id: 'sep', aliases: ['a\u001fb'] };
    const standIn = { ...(records[2] as object), id: 'stand-in', description: 'one\u001eline' };
    writeFileSync(bad, `${jsonl(records.slice(0, 3))}{"record":"entity","id":"x"}\nnot json\n${jsonl([records[2] as object, separator, standIn])}`);
    const target = join(tempDir(), 'never');
    const refused = await bulkImportNeo4j(bad, target, { actor: 'tester' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => [p.lineNo, p.message.slice(0, 40)])).toEqual([
      [4, expect.stringMatching(/^kind: /)],
      [5, expect.stringMatching(/^not valid JSON/)],
      [6, 'duplicate entity id "nasty-1" (first def'],
      [7, 'aliases[0] holds the control character U'],
      [8, 'description holds the control character '],
    ]);
    expect(refused.problems[4]?.message).toMatch(/U\+001E or U\+001D, which --bulk-neo4j uses for line breaks; remove it, or load this file with the online import/);
    expect(existsSync(target)).toBe(false);
  });
});
