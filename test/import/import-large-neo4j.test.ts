import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ChangeOperation } from '../../src/domain/change';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import { importFile } from '../../src/import/import-graph';
import type { WriteOp } from '../../src/ports/graph-writes';
import type { Store } from '../../src/ports/store';
import { readRecordFile } from '../../src/records/read-record-file';
import { toBatch } from '../../src/records/to-batch';
import { graphCounts } from '../support/graph-counts';
import { tempDir } from '../support/files';
import { describeOwnNeo4j, seedBatch } from '../support/stores';
import { startNeo4j, type Neo4jServer } from '../support/neo4j-server';
import { neo4jStore } from '../../src/open-store';

/**
 * A file that does not fit in one Neo4j transaction (the launcher caps one at 128 MiB): long
 * source texts make the volume cheaply, each quoted by a person, a meeting and an attendance.
 */
const SOURCES = 48;
const TEXT_CHARS = 1_000_000;

async function writeLargeFile(path: string): Promise<number> {
  const out = createWriteStream(path);
  const line = async (record: object): Promise<void> => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  };
  for (let i = 0; i < SOURCES; i++) {
    const opening = `On ${(i % 28) + 1} May 2024 Person ${i} attended Meeting ${i} on prison monitoring.`;
    const filler = ` Paragraph ${i} of the minutes records the discussion in full.`;
    const text = (opening + filler.repeat(Math.ceil(TEXT_CHARS / filler.length))).slice(0, TEXT_CHARS);
    const evidence = (quote: string): object[] => [{ sourceId: `big-s-${i}`, quote, confidence: 'HIGH' }];
    await line({ record: 'source', id: `big-s-${i}`, title: `Minutes of Meeting ${i}`, publisher: null, publishedAt: '2024-05-01', url: null, text });
    await line({ record: 'entity', id: `big-p-${i}`, kind: 'PERSON', name: `Person ${i}`, evidence: evidence(`Person ${i}`) });
    await line({ record: 'entity', id: `big-e-${i}`, kind: 'EVENT', name: `Meeting ${i}`, date: '2024-05-01', evidence: evidence(`Meeting ${i} on prison monitoring`) });
    await line({ record: 'relationship', id: `big-r-${i}`, type: 'ATTENDED', fromId: `big-p-${i}`, toId: `big-e-${i}`, evidence: evidence(opening) });
  }
  out.end();
  await once(out, 'finish');
  return SOURCES * 4;
}

/**
 * On a Neo4j of its own: these transactions fill the server's global transaction memory pool too,
 * which on the shared server would refuse other suites' transactions running at the same time.
 */
describeOwnNeo4j('a large import into Neo4j (records and source texts beyond one transaction)', () => {
  let server: Neo4jServer;
  let store: Store;
  let path: string;
  let records: number;

  beforeAll(async () => {
    server = await startNeo4j();
    const neo4j = neo4jStore({ uri: server.uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 10_000 });
    await neo4j.migrate();
    await neo4j.upsert(seedBatch());
    store = neo4j;
    path = join(tempDir(), 'large.jsonl');
    records = await writeLargeFile(path);
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it('is refused as one write with STORE_LIMIT naming db.memory.transaction.max, writing nothing', async () => {
    const content = await readRecordFile(path);
    const batch = toBatch(content.lines, content.texts, new Map());
    const ops: WriteOp[] = [
      ...batch.sources.map((source) => ({ op: 'putSource' as const, source })),
      ...batch.entities.map((entity) => ({ op: 'putEntity' as const, entity })),
      ...batch.relationships.map((relationship) => ({ op: 'putRelationship' as const, relationship })),
    ];
    const before = await graphCounts(store);
    const error = await store.write(ops, []).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.STORE_LIMIT, details: { setting: 'db.memory.transaction.max', limit: '128.0 MiB' } });
    expect((error as Error).message).toMatch(/^Neo4j refused the transaction: it needs more memory than db\.memory\.transaction\.max allows \(128\.0 MiB\)\. Raise/);
    expect(await graphCounts(store)).toEqual(before);
  });

  it('imports in several writes, each audited, leaving in the store exactly what the file holds', async () => {
    const before = await graphCounts(store);
    const progress: string[] = [];
    const result = await importFile(store, path, { actor: 'large-test', onProgress: (m) => progress.push(m) });

    expect(result).toMatchObject({ problems: [], records: records, written: records, unchanged: 0 });
    expect(result.added).toEqual({ sources: SOURCES, entities: 2 * SOURCES, relationships: SOURCES });
    expect(result.writes).toBeGreaterThan(1);
    expect(progress[0]).toBe(`writing ${records} records in ${result.writes} parts, each atomic on its own`);
    expect(await graphCounts(store)).toEqual({
      sources: before.sources + SOURCES,
      entities: before.entities + 2 * SOURCES,
      relationships: before.relationships + SOURCES,
      changes: before.changes + result.writes,
    });
    const texts = await store.getSources([`big-s-0`, `big-s-${SOURCES - 1}`]);
    expect(texts.map((s) => s?.text.length)).toEqual([TEXT_CHARS, TEXT_CHARS]);

    const entries = (await store.changes({ first: result.writes, offset: before.changes })).items;
    expect(entries.map((c) => [c.operation, c.actor, JSON.parse(c.after!).part])).toEqual(
      entries.map((_, i) => [ChangeOperation.IMPORT, 'large-test', `${i + 1}/${result.writes}`]),
    );
    const ids = entries.flatMap((c) => c.ids);
    expect(new Set(ids).size).toBe(records);
    expect(ids).toHaveLength(records);
  });

  it('writes nothing, not even an audit entry, when the file is imported again', async () => {
    const before = await graphCounts(store);
    const again = await importFile(store, path);
    expect(again).toMatchObject({ problems: [], unchanged: records, written: 0, writes: 0 });
    expect(await graphCounts(store)).toEqual(before);
  });
});
