/**
 * The embedded store's data directory: refused writes leave memory and disk alone, writes survive
 * a reopen, the seed loads once, a torn last journal line is dropped, the lock keeps a second
 * process out. The crash test (kill -9 mid-stream) is embedded-crash.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJournalLine } from '../../src/adapters/embedded/journal-line';
import { RelationshipType } from '../../src/domain/enums';
import { ErrorCode } from '../../src/domain/errors';
import { EntityOrder } from '../../src/ports/graph-store';
import type { WriteOp } from '../../src/ports/graph-writes';
import type { Store } from '../../src/ports/store';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { change, person, relationship } from '../support/records';
import { MEETING_ID } from '../support/seed-source';
import { testTempDir } from '../support/test-tmp';
import { openEmbeddedStore, openStore as openConfiguredStore } from '../../src/open-store';
import { silentLogger, storeDump, testConfig } from '../support/api';
import { seedBatch } from '../support/stores';

const dirs: string[] = [];
const open: Store[] = [];

function freshDir(): string {
  const dir = testTempDir('embedded-');
  dirs.push(dir);
  return dir;
}

/** Through the composition root, as the server opens it: seeded (from seedDir, else seed/) when empty. */
async function openStore(dataDir: string, seedDir?: string): Promise<Store> {
  const config = testConfig({ DATA_DIR: dataDir, ...(seedDir ? { SEED_DIR: seedDir } : {}) });
  const store = await openConfiguredStore(config, silentLogger, { seedIfEmpty: true });
  open.push(store);
  return store;
}

async function reopen(store: Store, dataDir: string): Promise<Store> {
  await store.close();
  // A seed folder that does not exist: a reopen that tried to seed would fail.
  return openStore(dataDir, join(dataDir, 'no-seed-here'));
}

const journalPath = (dir: string): string => join(dir, 'journal.log');
const journalSize = (dir: string): number => statSync(journalPath(dir)).size;

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a refused write changes nothing, in memory or on disk', () => {
  const cases: readonly [string, readonly WriteOp[], ErrorCode, string][] = [
    [
      'a relationship to an unknown end',
      [{ op: 'putRelationship', relationship: relationship('kz-mfa', RelationshipType.HOSTED, 'no-such-event') }],
      ErrorCode.BAD_USER_INPUT,
      '"no-such-event"',
    ],
    [
      'a relationship on behalf of an unknown entity',
      [{ op: 'putRelationship', relationship: relationship('undp', RelationshipType.ATTENDED, MEETING_ID, 'nobody') }],
      ErrorCode.BAD_USER_INPUT,
      '"nobody"',
    ],
    ['deleting an entity that still has relationships', [{ op: 'deleteEntity', id: 'kz-mfa' }], ErrorCode.BAD_USER_INPUT, '"kz-mfa"'],
    ['deleting an unknown entity', [{ op: 'deleteEntity', id: 'no-such-entity' }], ErrorCode.NOT_FOUND, '"no-such-entity"'],
    ['deleting an unknown relationship', [{ op: 'deleteRelationship', id: 'rel-none' }], ErrorCode.NOT_FOUND, '"rel-none"'],
    [
      'a batch whose third op is bad after two good ones',
      [
        { op: 'putEntity', entity: person('refused-person') },
        { op: 'putRelationship', relationship: relationship('refused-person', RelationshipType.ATTENDED, MEETING_ID) },
        { op: 'deleteEntity', id: 'kibhr' },
      ],
      ErrorCode.BAD_USER_INPUT,
      '"kibhr"',
    ],
  ];

  it.each(cases)('%s', async (_title, ops, code, named) => {
    const dir = freshDir();
    let store = await openStore(dir);
    // One accepted write first, so the journal has a line the refused one must not follow.
    await store.write([{ op: 'putEntity', entity: person('accepted-person') }], [change(['accepted-person'])]);
    const before = await storeDump(store);
    const bytes = journalSize(dir);

    const refused = store.write(ops, [change(['refused'])]);
    await expect(refused).rejects.toMatchObject({ code });
    await expect(refused).rejects.toThrow(named);

    expect(await storeDump(store)).toBe(before);
    expect(journalSize(dir)).toBe(bytes);
    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(before);
    expect((await store.getEntities(['accepted-person', 'refused-person'])).map((e) => e?.id ?? null)).toEqual([
      'accepted-person',
      null,
    ]);
  });
});

describe('data directory', () => {
  it('seeds an empty data directory through the port, durably, and folds it into the snapshot at the next open', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    const seed = await loadSeedDirectory();
    const counts = async (): Promise<[number, number]> => [
      (await store.listEntities({ first: 1000, offset: 0, orderBy: EntityOrder.NAME })).totalCount,
      (await store.relationshipsTouching(seed.entities.map((e) => e.id))).length,
    ];
    expect(await counts()).toEqual([seed.entities.length, seed.relationships.length]);
    // The first open wrote an empty snapshot; the seed is one acknowledged (journaled) write.
    expect(existsSync(join(dir, 'snapshot.jsonl'))).toBe(true);
    expect(journalSize(dir)).toBeGreaterThan(0);
    store = await reopen(store, dir);
    expect(await counts()).toEqual([seed.entities.length, seed.relationships.length]);
    expect(journalSize(dir)).toBe(0);
  });

  it('keeps writes across reopens and never loads the seed again', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    const [mfa] = await store.getEntities(['kz-mfa']);
    const renamed = { ...mfa!, name: 'Renamed ministry' };
    const added = relationship('new-person', RelationshipType.SPOKE_AT, MEETING_ID, 'kz-mfa');
    await store.write(
      [
        { op: 'putEntity', entity: renamed },
        { op: 'putEntity', entity: person('new-person') },
        { op: 'putRelationship', relationship: added },
        { op: 'deleteRelationship', id: 'rel-kz-mfa-part-of-kazakhstan' },
      ],
      [change(['kz-mfa', 'new-person', added.id, 'rel-kz-mfa-part-of-kazakhstan'])],
    );
    const written = await storeDump(store);

    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(written);
    expect((await store.getEntities(['kz-mfa']))[0]?.name).toBe('Renamed ministry');
    expect(await store.getRelationships(['rel-kz-mfa-part-of-kazakhstan'])).toEqual([null]);
    expect((await store.relationshipsTouching(['kz-mfa'])).map((r) => r.id)).toContain(added.id);
    expect((await store.changes({ first: 10, offset: 0, entityId: 'new-person' })).totalCount).toBe(1);

    // The reopen compacted everything into the snapshot; a second one starts from it alone.
    expect(journalSize(dir)).toBe(0);
    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(written);
  });

  it('round-trips journal lines and snapshot records that cross the 1 MiB read chunks', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    for (let i = 0; i < 12; i++) {
      const id = `large-${i}`;
      // 6 bytes a repeat: lines of 0.4 to 0.5 MiB, with multi-byte characters across chunk edges.
      const description = `${i}:${'é🙂'.repeat(70_000 + i * 1_000)}`;
      await store.write([{ op: 'putEntity', entity: person(id, description) }], [change([id])]);
    }
    expect(journalSize(dir)).toBeGreaterThan(3 * 2 ** 20);
    const written = await storeDump(store);
    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(written);
    expect(statSync(join(dir, 'snapshot.jsonl')).size).toBeGreaterThan(3 * 2 ** 20);
    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(written);
  });

  it('journals upserts on an opened store like any write', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    await store.upsert({ sources: [], entities: [person('upserted')], relationships: [] });
    store = await reopen(store, dir);
    expect((await store.getEntities(['upserted']))[0]?.id).toBe('upserted');
  });

  it('drops a torn last journal line and recovers the writes before it', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    for (const id of ['torn-a', 'torn-b', 'torn-c']) {
      await store.write([{ op: 'putEntity', entity: person(id) }], [change([id])]);
    }
    const written = await storeDump(store);
    await store.close();
    const line = encodeJournalLine({ seq: 4, ops: [{ op: 'putEntity', entity: person('torn-d') }], changes: [] });
    appendFileSync(journalPath(dir), line.subarray(0, Math.floor(line.length / 2)));

    store = await openStore(dir);
    expect(await storeDump(store)).toBe(written);
    expect(await store.getEntities(['torn-d'])).toEqual([null]);
    expect(journalSize(dir)).toBe(0);

    // The next write starts a line of its own and survives.
    await store.write([{ op: 'putEntity', entity: person('after-torn') }], [change(['after-torn'])]);
    store = await reopen(store, dir);
    expect((await store.getEntities(['torn-c', 'after-torn'])).map((e) => e?.id)).toEqual(['torn-c', 'after-torn']);
  });

  it('refuses to open when a damaged journal line has whole lines after it', async () => {
    const dir = freshDir();
    const store = await openStore(dir);
    for (const id of ['damage-a', 'damage-b']) {
      await store.write([{ op: 'putEntity', entity: person(id) }], [change([id])]);
    }
    await store.close();
    const bytes = readFileSync(journalPath(dir));
    const at = bytes.indexOf('damage-a');
    bytes[at] = 'D'.charCodeAt(0);
    writeFileSync(journalPath(dir), bytes);

    await expect(openStore(dir)).rejects.toMatchObject({ code: ErrorCode.INVALID_DATA });
    // The refusal released the lock and left the journal for an operator to inspect.
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);
    expect(readFileSync(journalPath(dir))).toEqual(bytes);
  });

  it('does not apply journal lines twice after a crash between compaction and emptying the journal', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    await store.write([{ op: 'putEntity', entity: person('once') }], [change(['once'])]);
    await store.write([{ op: 'deleteEntity', id: 'once' }], [change(['once'])]);
    const written = await storeDump(store);
    await store.close();
    const journal = readFileSync(journalPath(dir));

    store = await openStore(dir);
    await store.close();
    // As if the process died after the new snapshot was renamed into place, before the reset.
    writeFileSync(journalPath(dir), journal);
    store = await openStore(dir);
    expect(await storeDump(store)).toBe(written);
    expect((await store.changes({ first: 10, offset: 0, entityId: 'once' })).totalCount).toBe(2);
  });

  it('folds a growing journal into a new snapshot while running, and loses nothing across it', async () => {
    const dir = freshDir();
    let store: Store = await openEmbeddedStore({ dataDir: dir, compactAfterBytes: 1 });
    open.push(store);
    const headerSeq = (): number => (JSON.parse(readFileSync(join(dir, 'snapshot.jsonl'), 'utf8').split('\n', 1)[0] as string) as { lastSeq: number }).lastSeq;
    // Seeding is the first write: past the empty first snapshot at once, so it is folded in.
    await store.upsert(seedBatch());
    const seeded = headerSeq();
    expect(seeded).toBe(1);
    expect(journalSize(dir)).toBe(0);
    const snapshotBytes = statSync(join(dir, 'snapshot.jsonl')).size;
    // Each write adds ~5 KB to the journal: it passes the snapshot's size after a few dozen.
    const long = 'x'.repeat(5000);
    let writes = 0;
    let largest = 0;
    while (headerSeq() === seeded) {
      writes++;
      if (writes > 1000) throw new Error('the journal was never folded');
      await store.write([{ op: 'putEntity', entity: person(`grown-${writes}`, long) }], [change([`grown-${writes}`])]);
      largest = Math.max(largest, journalSize(dir));
    }
    // Folded at the write that took the journal past the snapshot's size, not before.
    expect(largest).toBeLessThan(snapshotBytes);
    expect(largest + 5000).toBeGreaterThanOrEqual(snapshotBytes);
    expect(headerSeq()).toBe(seeded + writes);
    expect(journalSize(dir)).toBe(0);
    await store.write([{ op: 'deleteEntity', id: 'grown-1' }], [change(['grown-1'])]);
    expect(journalSize(dir)).toBeGreaterThan(0);
    const written = await storeDump(store);
    store = await reopen(store, dir);
    expect(await storeDump(store)).toBe(written);
    expect((await store.getEntities([`grown-${writes}`, 'grown-1'])).map((e) => e?.id ?? null)).toEqual([`grown-${writes}`, null]);
  });
});

describe('lock', () => {
  it('refuses a second open of a directory that is open, and allows it after close', async () => {
    const dir = freshDir();
    const first = await openStore(dir);
    await expect(openEmbeddedStore({ dataDir: dir })).rejects.toMatchObject({
      code: ErrorCode.STORE_UNAVAILABLE,
      message: expect.stringContaining(String(process.pid)),
    });
    await first.write([{ op: 'putEntity', entity: person('lock-holder') }], [change(['lock-holder'])]);
    await first.close();
    const second = await openStore(dir);
    expect((await second.getEntities(['lock-holder']))[0]?.id).toBe('lock-holder');
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = freshDir();
    await (await openStore(dir)).close();
    const gone = spawnSync(process.execPath, ['-e', '']);
    writeFileSync(join(dir, 'LOCK'), `${gone.pid}\n`);
    const store = await openStore(dir);
    expect(readFileSync(join(dir, 'LOCK'), 'utf8').trim()).toBe(String(process.pid));
    await store.close();
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);
  });

  it('refuses writes after close', async () => {
    const store = await openStore(freshDir());
    await store.close();
    await expect(store.write([{ op: 'putEntity', entity: person('late') }], [])).rejects.toMatchObject({
      code: ErrorCode.STORE_UNAVAILABLE,
    });
  });
});
