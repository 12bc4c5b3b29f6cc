/**
 * Data stored before evidence had offsets gains them once, on each store, as new evidence gets
 * them (the quote's first occurrence, in UTF-16 code units): the embedded store while opening a
 * data directory (a version 1 snapshot and the journal lines after it), Neo4j in the migration to
 * schema version 3, computed in TypeScript because Cypher counts code points.
 */
import { readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJournalLine } from '../../src/adapters/embedded/journal-line';
import type { Neo4jOptions } from '../../src/adapters/neo4j/driver';
import type { Neo4jStore } from '../../src/adapters/neo4j/neo4j-store';
import { SCHEMA_VERSION } from '../../src/adapters/neo4j/schema';
import { Confidence, RelationshipType } from '../../src/domain/enums';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import { locateQuote } from '../../src/domain/quote-span';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../src/domain/records';
import type { GraphBatch } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import { neo4jStore, openEmbeddedStore } from '../../src/open-store';
import { Neo4jTestHooks } from '../support/neo4j-test-hooks';
import { change, person, relationship } from '../support/records';
import { MEETING_ID } from '../support/seed-source';
import { describeNeo4j, neo4jTestOptions, seedBatch, wipeNeo4j } from '../support/stores';
import { testTempDir } from '../support/test-tmp';

jest.setTimeout(120_000);

/** Characters outside the BMP before the quotes: a code-point count would be off by one for each. */
const TEXT = '😀 𝐀 The panel 😀 met in Astana. The panel met again in 𝐀lmaty.';
const source: SourceRecord = { id: 'astral-source', title: 'Astral', publisher: null, publishedAt: null, url: null, text: TEXT };
const located = (quote: string) => ({ sourceId: source.id, quote, confidence: Confidence.HIGH, ...locateQuote(TEXT, quote)! });
const panel: EntityRecord = { ...person('astral-panel'), evidence: [located('met in Astana'), located('in 𝐀lmaty')] };
const attended: RelationshipRecord = { ...relationship('astral-panel', RelationshipType.ATTENDED, MEETING_ID), evidence: [located('The panel met again')] };

function batch(): GraphBatch {
  const seed = seedBatch();
  return { sources: [...seed.sources, source], entities: [...seed.entities, panel], relationships: [...seed.relationships, attended] };
}

type Evidenced = { readonly evidence: readonly object[] };

/** The evidence as code older than the offsets wrote it. */
function withoutOffsets<T extends Evidenced>(record: T): T {
  return { ...record, evidence: record.evidence.map((e) => ({ ...e, start: undefined, end: undefined })) };
}

async function everyRecord(store: Store, expected: GraphBatch): Promise<{ entities: unknown[]; relationships: unknown[] }> {
  return {
    entities: await store.getEntities(expected.entities.map((e) => e.id)),
    relationships: await store.getRelationships(expected.relationships.map((r) => r.id)),
  };
}

it('the fixture: offsets are JavaScript string indices, which differ from code points after astral characters', () => {
  expect(panel.evidence[0]).toMatchObject({ start: TEXT.indexOf('met in Astana'), end: TEXT.indexOf('met in Astana') + 13 });
  expect([...TEXT.slice(0, panel.evidence[0]!.start)].length).toBeLessThan(panel.evidence[0]!.start);
  for (const e of [...panel.evidence, ...attended.evidence]) expect(TEXT.slice(e.start, e.end)).toBe(e.quote);
});

describe('embedded: a data directory written before evidence had offsets', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A directory as the older code left it: a version 1 snapshot without offsets, and one journal line after it. */
  async function oldDataDir(snapshotTransform: (line: Record<string, unknown>) => Record<string, unknown> = (l) => l): Promise<string> {
    const dataDir = testTempDir('embedded-upgrade-');
    dirs.push(dataDir);
    const store = await openEmbeddedStore({ dataDir });
    await store.upsert(batch());
    await store.close();
    // Opening folds the journal into the snapshot.
    await (await openEmbeddedStore({ dataDir })).close();
    const snapshotPath = join(dataDir, 'snapshot.jsonl');
    const lines = readFileSync(snapshotPath, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const header = lines[0] as { version: number; lastSeq: number };
    header.version = 1;
    const old = lines.map((l) => (Array.isArray(l['evidence']) ? snapshotTransform(withoutOffsets(l as unknown as Evidenced) as unknown as Record<string, unknown>) : l));
    writeFileSync(snapshotPath, old.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const later = withoutOffsets(person('written-later'));
    appendFileSync(join(dataDir, 'journal.log'), encodeJournalLine({ seq: header.lastSeq + 1, ops: [{ op: 'putEntity', entity: later }], changes: [change([later.id])] }));
    return dataDir;
  }

  it('opens with every offset filled, and writes a current (version 3) snapshot that carries them', async () => {
    const dataDir = await oldDataDir();
    const snapshot = readFileSync(join(dataDir, 'snapshot.jsonl'), 'utf8');
    expect(snapshot).not.toContain('"start"');

    const store = await openEmbeddedStore({ dataDir });
    try {
      const expected = batch();
      expect(await everyRecord(store, expected)).toEqual({ entities: expected.entities, relationships: expected.relationships });
      expect(await store.getEntities(['written-later'])).toEqual([person('written-later')]);
    } finally {
      await store.close();
    }

    const rewritten = readFileSync(join(dataDir, 'snapshot.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rewritten[0]).toMatchObject({ version: 3 });
    const evidence = rewritten.flatMap((l) => (Array.isArray(l['evidence']) ? (l['evidence'] as Record<string, unknown>[]) : []));
    expect(evidence.length).toBeGreaterThan(100);
    for (const e of evidence) expect(e).toEqual(expect.objectContaining({ start: expect.any(Number), end: expect.any(Number) }));
  });

  it('refuses to open, naming the record, when a stored quote is not in its source (offsets cannot be set)', async () => {
    const dataDir = await oldDataDir((l) =>
      l['id'] === panel.id ? { ...l, evidence: [{ sourceId: source.id, quote: 'words the text lacks', confidence: 'HIGH' }] } : l,
    );
    const error = await openEmbeddedStore({ dataDir }).then(
      async (store) => {
        await store.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_DATA, message: expect.stringContaining(`"${panel.id}" evidence[0]`) });
  });
});

describeNeo4j('Neo4j: a database written before evidence had offsets', () => {
  let options: Neo4jOptions;
  let hooks: Neo4jTestHooks;
  const stores: Store[] = [];

  beforeAll(async () => {
    options = neo4jTestOptions() as Neo4jOptions;
    hooks = Neo4jTestHooks.create(options);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await hooks?.close();
  });

  /** The batch stored, then its offset lists removed and the schema version forgotten, as older code left them. */
  async function oldDatabase(): Promise<Neo4jStore> {
    await wipeNeo4j(options);
    const store = neo4jStore(options);
    stores.push(store);
    await store.migrate();
    await store.upsert(batch());
    await hooks.stripEvidenceOffsets();
    await hooks.forgetSchemaVersion();
    return store;
  }

  it('the migration fills evidenceStarts and evidenceEnds, in JavaScript string indices', async () => {
    const store = await oldDatabase();
    // Reading evidence without offsets fails loudly rather than inventing them at read time.
    const unmigrated = await store.getEntities([panel.id]).then(() => null, (e: unknown) => e as Error);
    expect(String((unmigrated?.cause as Error | undefined)?.message)).toContain('evidence without offsets');

    expect(await store.migrate()).toEqual({ from: null, to: SCHEMA_VERSION, ran: true });
    const expected = batch();
    expect(await everyRecord(store, expected)).toEqual({ entities: expected.entities, relationships: expected.relationships });
    const { nodes, relationships } = await hooks.snapshot();
    expect(nodes.find((n) => n.props['id'] === panel.id)?.props).toMatchObject({
      evidenceStarts: panel.evidence.map((e) => e.start),
      evidenceEnds: panel.evidence.map((e) => e.end),
    });
    expect(relationships.find((r) => r.props['id'] === attended.id)?.props).toMatchObject({ evidenceStarts: [attended.evidence[0]!.start] });

    // Idempotent: a forced rerun finds nothing to fill and changes nothing.
    const before = await hooks.snapshot();
    await store.migrate({ force: true });
    expect(await hooks.snapshot()).toEqual(before);
  });

  it('with freshData (a bulk load just wrote every record) builds the schema and skips the data migrations', async () => {
    const store = await oldDatabase();
    const steps: string[] = [];
    const before = await hooks.snapshot();
    expect(await store.migrate({ freshData: true, onStep: (step) => steps.push(step) })).toEqual({ from: null, to: SCHEMA_VERSION, ran: true });
    expect(steps).toEqual(['schema', 'awaitIndexes']);
    const after = await hooks.snapshot();
    // The records are as they were (no offsets filled in); only the schema version node is new.
    expect(after.relationships).toEqual(before.relationships);
    expect(after.nodes.filter((n) => n.props['id'] === panel.id)).toEqual(before.nodes.filter((n) => n.props['id'] === panel.id));
    // The full pass, forced, still fills them.
    steps.length = 0;
    await store.migrate({ force: true, onStep: (step) => steps.push(step) });
    expect(steps).toEqual(['schema', 'awaitIndexes', 'linkChanges', 'evidenceOffsets']);
    expect((await hooks.snapshot()).nodes.find((n) => n.props['id'] === panel.id)?.props).toMatchObject({
      evidenceStarts: panel.evidence.map((e) => e.start),
    });
  });

  it('names a record whose quote its source does not hold, after filling all the others', async () => {
    const store = await oldDatabase();
    await hooks.setEntityQuotes(panel.id, ['words the text lacks', 'in 𝐀lmaty']);
    const error = await store.migrate().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_DATA, message: expect.stringContaining(`entity "${panel.id}"`) });
    const seed = seedBatch();
    expect(await everyRecord(store, seed)).toEqual({ entities: seed.entities, relationships: seed.relationships });
    // Once the record is fixed, the migration completes.
    await store.upsert({ sources: [], entities: [panel], relationships: [] });
    expect(await store.migrate()).toMatchObject({ ran: true, to: SCHEMA_VERSION });
  });
});
