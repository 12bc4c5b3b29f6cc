import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeOperation } from '../../src/domain/change';
import { importFile, WRITE_LIMIT } from '../../src/import/import-graph';
import { writeCost } from '../../src/import/write-chunks';
import type { Store } from '../../src/ports/store';
import { loadedStore } from '../support/stores';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { graphCounts } from '../support/graph-counts';
import {
  attended, jsonl, NEW_GRAPH, NEW_SOURCE_TEXT, newEvent, newPerson, newSource, observesSeedMeeting, tempDir, writeTemp,
} from '../support/files';

describe('importing JSON Lines into the embedded store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await loadedStore('embedded');
  });
  afterEach(() => store.close());

  it('writes a new source, event, participant and participation in one audited write', async () => {
    const before = await graphCounts(store);
    const path = writeTemp('new.jsonl', jsonl(NEW_GRAPH));
    const result = await importFile(store, path, { actor: 'tester' });

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      added: { sources: 1, entities: 2, relationships: 1 },
      changed: { sources: 0, entities: 0, relationships: 0 },
      unchanged: 0, written: 4, writes: 1,
    });
    const [person, event] = await store.getEntities([newPerson.id, newEvent.id]);
    expect(person).toEqual({
      id: newPerson.id, kind: 'PERSON', name: 'Aigerim Sultanova', aliases: ['A. Sultanova'], description: null,
      orgType: null, country: null, date: null,
      evidence: [{ ...newPerson.evidence[0], start: NEW_SOURCE_TEXT.indexOf('Aigerim Sultanova'), end: NEW_SOURCE_TEXT.indexOf('Aigerim Sultanova') + 17 }],
    });
    expect(event).toMatchObject({ kind: 'EVENT', date: '2024-03-03' });
    const [participation] = await store.getRelationships([attended.id]);
    expect(participation).toMatchObject({ type: 'ATTENDED', fromId: newPerson.id, toId: newEvent.id, role: 'Head' });
    const [source] = await store.getSources([newSource.id]);
    expect(source?.text).toBe(NEW_SOURCE_TEXT);

    expect(await graphCounts(store)).toEqual({
      sources: before.sources + 1, entities: before.entities + 2, relationships: before.relationships + 1, changes: before.changes + 1,
    });
    const changes = await store.changes({ first: 100, offset: 0 });
    const change = changes.items[changes.items.length - 1]!;
    expect(change).toMatchObject({ actor: 'tester', operation: ChangeOperation.IMPORT });
    expect([...change.ids].sort()).toEqual([newSource.id, newEvent.id, newPerson.id, attended.id].sort());
    expect(JSON.parse(change.after!)).toMatchObject({ file: 'new.jsonl', added: { sources: 1, entities: 2, relationships: 1 } });
  });

  it('writes nothing at all, not even an audit entry, when the same file is imported again', async () => {
    const path = writeTemp('new.jsonl', jsonl(NEW_GRAPH));
    await importFile(store, path);
    const after = await graphCounts(store);
    const again = await importFile(store, path);
    expect(again).toMatchObject({ problems: [], unchanged: 4, written: 0, writes: 0 });
    expect(await graphCounts(store)).toEqual(after);
  });

  it('writes only the records that differ from the store', async () => {
    await importFile(store, writeTemp('new.jsonl', jsonl(NEW_GRAPH)));
    const edited = [newSource, newEvent, { ...newPerson, description: 'Head of the Ombudsman Office.' }, attended];
    const result = await importFile(store, writeTemp('edited.jsonl', jsonl(edited)));
    expect(result).toMatchObject({ changed: { sources: 0, entities: 1, relationships: 0 }, unchanged: 3, written: 1 });
    const [person] = await store.getEntities([newPerson.id]);
    expect(person?.description).toBe('Head of the Ombudsman Office.');
    const changes = await store.changes({ first: 100, offset: 0 });
    expect(changes.items[changes.items.length - 1]!.ids).toEqual([newPerson.id]);
  });

  it('accepts references to entities and sources the store already holds', async () => {
    const result = await importFile(store, writeTemp('refs.jsonl', jsonl([...NEW_GRAPH, observesSeedMeeting])));
    expect(result.problems).toEqual([]);
    const [r] = await store.getRelationships([observesSeedMeeting.id]);
    expect(r).toMatchObject({ toId: 'kz-mfa', evidence: [{ sourceId: FOUNDING_SOURCE_ID }] });
  });

  it('validates only and writes nothing on a dry run', async () => {
    const before = await graphCounts(store);
    const result = await importFile(store, writeTemp('new.jsonl', jsonl(NEW_GRAPH)), { dryRun: true });
    expect(result).toMatchObject({ problems: [], dryRun: true, added: { sources: 1, entities: 2, relationships: 1 }, written: 0, writes: 0 });
    expect(await graphCounts(store)).toEqual(before);
  });

  it('reads a source text from a textFile beside the import file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text.txt'), NEW_SOURCE_TEXT);
    const { text: _t, ...rest } = newSource;
    writeFileSync(join(dir, 'graph.jsonl'), jsonl([{ ...rest, textFile: 'text.txt' }, newEvent, newPerson, attended]));
    const result = await importFile(store, join(dir, 'graph.jsonl'));
    expect(result.problems).toEqual([]);
    expect((await store.getSources([newSource.id]))[0]?.text).toBe(NEW_SOURCE_TEXT);
  });

  it('refuses to replace the text of a source the store holds', async () => {
    const path = writeTemp('conflict.jsonl', jsonl([{ ...newSource, id: FOUNDING_SOURCE_ID, text: 'Another text.' }]));
    const result = await importFile(store, path);
    expect(result.problems).toEqual([
      expect.objectContaining({ lineNo: 1, message: expect.stringMatching(/already exists with a different text/) }),
    ]);
  });
});

describe('a bad line among 1000 good ones', () => {
  let store: Store;
  beforeEach(async () => {
    store = await loadedStore('embedded');
  });
  afterEach(() => store.close());

  /** Line 1 the source, lines 2..1001 people quoting it. */
  const goodLines = (): string[] => [
    JSON.stringify(newSource),
    ...Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({
        record: 'entity', id: `person-${i}`, kind: 'PERSON', name: `Person ${i}`,
        evidence: [{ sourceId: newSource.id, quote: 'Aigerim Sultanova', confidence: 'MEDIUM' }],
      }),
    ),
  ];
  const relationship = { ...attended, fromId: 'person-1', toId: 'person-2' };

  it.each([
    ['a malformed JSON line', '{"record":"entity", "id": "broken",', /^not valid JSON/],
    ['an unknown relationship type', JSON.stringify({ ...relationship, type: 'KNOWS' }), /^type: Invalid option/],
    [
      'a quote not in its source',
      JSON.stringify({ ...relationship, evidence: [{ sourceId: newSource.id, quote: 'Bob attended' }] }),
      /evidence\[0\]\.quote is not found verbatim in source "ombudsman-2024-03-03-round-table": "Bob attended"/,
    ],
    ['an unknown fromId', JSON.stringify({ ...relationship, fromId: 'nobody' }), /^fromId "nobody" is not a known entity id/],
    ['an unknown source', JSON.stringify({ ...relationship, evidence: [{ sourceId: 'nowhere', quote: 'x' }] }), /sourceId "nowhere" is not a known source id/],
  ])('reports %s with its line number and writes nothing', async (_what, bad, message) => {
    const lines = goodLines();
    lines.splice(700, 0, bad);
    const before = await graphCounts(store);
    const result = await importFile(store, writeTemp('big.jsonl', lines.join('\n')));
    expect(result.problems).toEqual([expect.objectContaining({ lineNo: 701, message: expect.stringMatching(message) })]);
    expect(result.written).toBe(0);
    expect(await graphCounts(store)).toEqual(before);
  });

  it('reports a duplicate id with both line numbers', async () => {
    const lines = goodLines();
    lines.push(lines[5]!);
    const result = await importFile(store, writeTemp('dup.jsonl', lines.join('\n')));
    expect(result.problems).toEqual([
      expect.objectContaining({ lineNo: 1002, recordId: 'person-4', message: 'duplicate entity id "person-4" (first defined at line 6)' }),
    ]);
  });

  it('reports every bad line of a file at once', async () => {
    const lines = goodLines();
    lines[99] = '{not json';
    lines[199] = JSON.stringify({ ...relationship, id: 'r-type', type: 'KNOWS' });
    lines[299] = JSON.stringify({ ...relationship, id: 'r-from', fromId: 'nobody' });
    lines[399] = JSON.stringify({ ...relationship, id: 'r-quote', evidence: [{ sourceId: newSource.id, quote: 'not there' }] });
    lines[499] = JSON.stringify({ record: 'entity', id: 'p', kind: 'ROBOT', name: 'R', evidence: [] });
    const before = await graphCounts(store);
    const result = await importFile(store, writeTemp('many.jsonl', lines.join('\r\n')));
    expect(result.problems.map((p) => p.lineNo)).toEqual([100, 200, 300, 400, 500]);
    expect(await graphCounts(store)).toEqual(before);
  });

  it('imports the 1000 good lines when nothing is wrong', async () => {
    const result = await importFile(store, writeTemp('good.jsonl', goodLines().join('\n')));
    expect(result).toMatchObject({ problems: [], records: 1001, written: 1001, writes: 1 });
  });

  it('splits a file beyond one write into several, each within WRITE_LIMIT, packed in order and audited with its part', async () => {
    const lines = [JSON.stringify(newSource)];
    // Some 10 kB each as Neo4j holds them: past WRITE_LIMIT.bytes well before WRITE_LIMIT.ops.
    const count = 9_000;
    for (let i = 0; i < count; i++) {
      lines.push(JSON.stringify({ record: 'entity', id: `p-${i}`, kind: 'PERSON', name: `P ${i}`, evidence: [{ sourceId: newSource.id, quote: 'Head' }] }));
    }
    const progress: string[] = [];
    const before = await graphCounts(store);
    const result = await importFile(store, writeTemp('huge.jsonl', lines.join('\n')), { onProgress: (m) => progress.push(m) });
    expect(result).toMatchObject({ problems: [], written: count + 1 });
    expect(result.writes).toBeGreaterThan(1);

    const parts = (await store.changes({ first: result.writes, offset: before.changes })).items;
    expect(progress).toEqual([
      `writing ${count + 1} records in ${result.writes} parts, each atomic on its own`,
      ...parts.map((c, i) => `wrote part ${i + 1}/${result.writes} (${c.ids.length} records)`),
    ]);
    expect(parts.map((c) => JSON.parse(c.after!).part)).toEqual(parts.map((_, i) => `${i + 1}/${result.writes}`));
    expect(parts.flatMap((c) => c.ids)).toEqual([newSource.id, ...Array.from({ length: count }, (_, i) => `p-${i}`)]);
    const [source] = await store.getSources([newSource.id]);
    const costOf = async (ids: readonly string[]): Promise<number[]> =>
      (await store.getEntities(ids)).map((e, i) => (e ? writeCost({ op: 'putEntity', entity: e }) : ids[i] === newSource.id ? writeCost({ op: 'putSource', source: source! }) : NaN));
    const costs = await Promise.all(parts.map((c) => costOf(c.ids)));
    for (const [i, cost] of costs.entries()) {
      const total = cost.reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(WRITE_LIMIT.bytes);
      expect(cost.length).toBeLessThanOrEqual(WRITE_LIMIT.ops);
      // Packed: the next part's first record would not have fitted.
      if (i + 1 < costs.length) expect(total + costs[i + 1]![0]!).toBeGreaterThan(WRITE_LIMIT.bytes);
    }
  });
});
