/**
 * The write port on both stores over the seed: the embedded store is the reference, and each case
 * asserts the same answer of both, down to the refusal's code, message and details. A refused
 * batch must leave everything as it was, audit log included; a differential block then runs one
 * script of good and bad batches through both stores and compares every outcome.
 */
import type { ChangeRecord } from '../../src/domain/change';
import { Direction, RelationshipType } from '../../src/domain/enums';
import { ErrorCode } from '../../src/domain/errors';
import type { EntityRecord, RelationshipRecord } from '../../src/domain/records';
import { EntityOrder, type PageOf } from '../../src/ports/graph-store';
import type { WriteOp } from '../../src/ports/graph-writes';
import type { Store } from '../../src/ports/traversals';
import { change, MEETING_ID, person, relationship, SOURCE_ID } from './fixtures/embedded-records';
import { describeNeo4j, describeStore, loadedStore, STORE_KINDS } from '../support/stores';

jest.setTimeout(120_000);

const KIBHR_HOLDS = 'rel-r-akylbekova-holds-position-kibhr';
/** Has kibhr as onBehalfOf only. */
const KIBHR_SPOKE = 'rel-r-akylbekova-spoke-at-dphd-cab-concluding-meeting-2023';

const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

interface Fingerprint {
  readonly entities: PageOf<EntityRecord>;
  readonly relationships: RelationshipRecord[];
  readonly changes: PageOf<ChangeRecord>;
}

/** Everything a write can change, in a stable order. */
async function fingerprint(store: Store): Promise<Fingerprint> {
  const entities = await store.listEntities({ first: 100_000, offset: 0, orderBy: EntityOrder.NAME });
  const pages = await store.relationshipsOf(ids(entities.items), { direction: Direction.OUTGOING }, { first: 100_000, offset: 0 });
  const relationships = pages.flatMap((p) => p.items).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, relationships, changes: await store.changes({ first: 100_000, offset: 0 }) };
}

/** What a write came to: ok, or the refusal as a caller would see it. */
async function outcome(store: Store, ops: readonly WriteOp[], changes: readonly ChangeRecord[] = []): Promise<unknown> {
  try {
    await store.write(ops, changes);
    return 'ok';
  } catch (e) {
    const err = e as { code?: unknown; message: string; details?: unknown };
    return { code: err.code ?? 'plain Error', message: err.message, details: err.details };
  }
}

const meetingAttendance = (id: string): RelationshipRecord => relationship(id, RelationshipType.ATTENDED, MEETING_ID);

/** Bad batches, each with the refusal both stores must give; none may change anything. */
const REFUSALS: readonly [string, () => WriteOp[], unknown][] = [
  [
    'a relationship to a missing entity',
    () => [{ op: 'putRelationship', relationship: meetingAttendance('ghost') }],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-ghost-attended-${MEETING_ID}" refers to entity "ghost" as fromId, which does not exist`,
      details: { op: 0, id: `rel-ghost-attended-${MEETING_ID}`, fromId: 'ghost' },
    },
  ],
  [
    'a missing onBehalfOf',
    () => [{ op: 'putRelationship', relationship: relationship('kibhr', RelationshipType.SPOKE_AT, MEETING_ID, 'ghost') }],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-kibhr-spoke-at-${MEETING_ID}" refers to entity "ghost" as onBehalfOfId, which does not exist`,
      details: { op: 0, id: `rel-kibhr-spoke-at-${MEETING_ID}`, onBehalfOfId: 'ghost' },
    },
  ],
  [
    'deleting an unknown entity',
    () => [{ op: 'deleteEntity', id: 'ghost' }],
    { code: ErrorCode.NOT_FOUND, message: 'no entity "ghost" to delete', details: { op: 0, id: 'ghost' } },
  ],
  [
    'deleting an unknown relationship',
    () => [{ op: 'deleteRelationship', id: 'rel-ghost' }],
    { code: ErrorCode.NOT_FOUND, message: 'no relationship "rel-ghost" to delete', details: { op: 0, id: 'rel-ghost' } },
  ],
  [
    'deleting an entity that onBehalfOf still refers to',
    () => [
      { op: 'deleteRelationship', id: KIBHR_HOLDS },
      { op: 'deleteEntity', id: 'kibhr' },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `entity "kibhr" cannot be deleted: 1 relationship still refers to it ("${KIBHR_SPOKE}"); remove or move them first`,
      details: { op: 1, id: 'kibhr', relationshipIds: [KIBHR_SPOKE] },
    },
  ],
  [
    'a third op that is bad after two good ones',
    () => [
      { op: 'putEntity', entity: person('newcomer') },
      { op: 'putRelationship', relationship: meetingAttendance('newcomer') },
      { op: 'deleteEntity', id: 'newcomer' },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `entity "newcomer" cannot be deleted: 1 relationship still refers to it ("rel-newcomer-attended-${MEETING_ID}"); remove or move them first`,
      details: { op: 2, id: 'newcomer', relationshipIds: [`rel-newcomer-attended-${MEETING_ID}`] },
    },
  ],
  [
    'a relationship to an entity deleted earlier in the batch',
    () => [
      { op: 'deleteRelationship', id: KIBHR_HOLDS },
      { op: 'deleteRelationship', id: KIBHR_SPOKE },
      { op: 'deleteEntity', id: 'kibhr' },
      { op: 'putRelationship', relationship: relationship('kibhr', RelationshipType.ATTENDED, MEETING_ID) },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-kibhr-attended-${MEETING_ID}" refers to entity "kibhr" as fromId, which does not exist`,
      details: { op: 3, id: `rel-kibhr-attended-${MEETING_ID}`, fromId: 'kibhr' },
    },
  ],
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    beforeEach(async () => {
      store = await loadedStore(kind);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('write', () => {
      it.each(REFUSALS)('refuses %s and changes nothing', async (_title, ops, refusal) => {
        const before = await fingerprint(store);
        expect(await outcome(store, ops(), [change(['x'])])).toEqual(refusal);
        expect(await fingerprint(store)).toEqual(before);
      });

      it('refuses a change id that is already logged, as a plain error, and changes nothing', async () => {
        const logged = change(['kibhr']);
        await store.write([], [logged]);
        const before = await fingerprint(store);
        const result = await outcome(store, [{ op: 'putEntity', entity: person('newcomer') }], [logged]);
        expect(result).toMatchObject({ code: 'plain Error' });
        expect(await fingerprint(store)).toEqual(before);
      });

      it('puts, moves and deletes in order, and logs the changes with them', async () => {
        const newcomer = person('newcomer');
        const attended = meetingAttendance('newcomer');
        const moved: RelationshipRecord = { ...attended, fromId: 'kibhr', onBehalfOfId: 'newcomer', role: 'Observer' };
        const logged = change(['newcomer', attended.id]);
        await store.write(
          [
            { op: 'putSource', source: { id: 'src-new', title: 'New', publisher: null, publishedAt: null, url: null, text: 'New text' } },
            { op: 'putEntity', entity: newcomer },
            { op: 'putRelationship', relationship: attended },
            { op: 'putEntity', entity: { ...newcomer, name: 'Renamed newcomer' } },
            { op: 'putRelationship', relationship: moved },
          ],
          [logged],
        );
        expect(await store.getEntities(['newcomer'])).toEqual([{ ...newcomer, name: 'Renamed newcomer' }]);
        expect(await store.getRelationships([attended.id])).toEqual([moved]);
        expect(ids((await store.getSources(['src-new', SOURCE_ID])).map((s) => s!))).toEqual(['src-new', SOURCE_ID]);
        expect(await store.changes({ first: 10, offset: 0 })).toEqual({ items: [logged], totalCount: 1 });

        const [out] = await store.relationshipsOf(['newcomer'], { direction: Direction.BOTH }, { first: 10, offset: 0 });
        expect(out).toEqual({ items: [], totalCount: 0 });
        await store.write(
          [
            { op: 'putRelationship', relationship: { ...moved, onBehalfOfId: null } },
            { op: 'deleteEntity', id: 'newcomer' },
            { op: 'deleteRelationship', id: attended.id },
          ],
          [],
        );
        expect(await store.getEntities(['newcomer'])).toEqual([null]);
        expect(await store.getRelationships([attended.id])).toEqual([null]);
      });

      it('deletes an entity once the batch removed or moved everything that touched it', async () => {
        const [spoke] = await store.getRelationships([KIBHR_SPOKE]);
        await store.write(
          [
            { op: 'deleteRelationship', id: KIBHR_HOLDS },
            { op: 'putRelationship', relationship: { ...spoke!, onBehalfOfId: 'kz-mfa' } },
            { op: 'deleteEntity', id: 'kibhr' },
          ],
          [change(['kibhr'])],
        );
        expect(await store.getEntities(['kibhr'])).toEqual([null]);
        expect(await store.relationshipsTouching(['kibhr'])).toEqual([]);
        expect(ids(await store.relationshipsTouching(['kz-mfa']))).toContain(KIBHR_SPOKE);
      });

      it('puts an entity back after deleting it in the same batch', async () => {
        await store.write([{ op: 'putEntity', entity: person('phoenix') }], []);
        await store.write(
          [
            { op: 'deleteEntity', id: 'phoenix' },
            { op: 'putEntity', entity: person('phoenix', 'reborn') },
            { op: 'putRelationship', relationship: meetingAttendance('phoenix') },
          ],
          [],
        );
        expect(await store.getEntities(['phoenix'])).toEqual([person('phoenix', 'reborn')]);
        expect(ids(await store.relationshipsTouching(['phoenix']))).toEqual([meetingAttendance('phoenix').id]);
      });
    });

    describe('changes', () => {
      it('answers oldest first by id, filtered by touched id and time, paged', async () => {
        const late = change(['kz-mfa'], '2024-03-01T00:00:00.000Z');
        const early = change(['kz-mfa', 'undp'], '2024-01-01T00:00:00.000Z');
        const middle = { ...change(['undp', 'undp'], '2024-02-01T00:00:00.000Z'), before: '{"a":1}', after: null };
        await store.write([], [late]);
        await store.write([], [early, middle]);

        expect(await store.changes({ first: 10, offset: 0 })).toEqual({ items: [early, middle, late], totalCount: 3 });
        expect(await store.changes({ first: 10, offset: 0, entityId: 'kz-mfa' })).toEqual({ items: [early, late], totalCount: 2 });
        expect(await store.changes({ first: 10, offset: 0, since: '2024-02-01T00:00:00.000Z' })).toEqual({
          items: [middle, late],
          totalCount: 2,
        });
        expect(await store.changes({ first: 1, offset: 1, entityId: 'undp' })).toEqual({ items: [middle], totalCount: 2 });
        expect(await store.changes({ first: 10, offset: 0, entityId: '', since: '' })).toMatchObject({ totalCount: 3 });
        expect(await store.changes({ first: 10, offset: 5 })).toEqual({ items: [], totalCount: 3 });
        expect(await store.changes({ first: 10, offset: 0, entityId: 'nobody' })).toEqual({ items: [], totalCount: 0 });
      });

      it('keeps an empty ids list', async () => {
        const bare = change([]);
        await store.write([], [bare]);
        expect((await store.changes({ first: 10, offset: 0 })).items).toEqual([bare]);
      });
    });

    describe('relationshipsTouching', () => {
      it('finds ends and onBehalfOf, once each, ordered by id', async () => {
        const loop = relationship('kibhr', RelationshipType.REFERENCED, 'kibhr');
        await store.write([{ op: 'putRelationship', relationship: loop }], []);
        expect(ids(await store.relationshipsTouching(['kibhr', 'kibhr', 'nobody']))).toEqual([loop.id, KIBHR_HOLDS, KIBHR_SPOKE]);
        expect(await store.relationshipsTouching([])).toEqual([]);
      });

      it('answers whole records and follows a relationship whose onBehalfOf moved', async () => {
        const [spoke] = await store.getRelationships([KIBHR_SPOKE]);
        expect(await store.relationshipsTouching(['kibhr'])).toEqual(await store.getRelationships([KIBHR_HOLDS, KIBHR_SPOKE]));
        await store.write([{ op: 'putRelationship', relationship: { ...spoke!, onBehalfOfId: 'undp' } }], []);
        expect(ids(await store.relationshipsTouching(['kibhr']))).toEqual([KIBHR_HOLDS]);
        expect(ids(await store.relationshipsTouching(['undp']))).toContain(KIBHR_SPOKE);
      });
    });
  });
}

/** One script through both stores: every outcome and the state after each step must agree. */
describeNeo4j('write: embedded and Neo4j agree step by step', () => {
  it('gives the same outcomes and leaves the same state', async () => {
    const [embedded, neo4j] = [await loadedStore('embedded'), await loadedStore('neo4j')];
    try {
      const script: [WriteOp[], ChangeRecord[]][] = [
        ...REFUSALS.map(([, ops]): [WriteOp[], ChangeRecord[]] => [ops(), [change(['x'])]]),
        [[{ op: 'putEntity', entity: person('a') }, { op: 'putEntity', entity: person('b') }], [change(['a', 'b'])]],
        [[{ op: 'putRelationship', relationship: relationship('a', RelationshipType.MEMBER_OF, 'b', 'kibhr') }], []],
        [[{ op: 'deleteEntity', id: 'b' }], [change(['b'])]],
        [[{ op: 'deleteRelationship', id: 'rel-a-member-of-b' }, { op: 'deleteEntity', id: 'b' }, { op: 'deleteEntity', id: 'b' }], []],
        [[{ op: 'deleteRelationship', id: 'rel-a-member-of-b' }, { op: 'deleteEntity', id: 'b' }], [change(['b'])]],
        [[{ op: 'deleteRelationship', id: KIBHR_HOLDS }, { op: 'deleteRelationship', id: KIBHR_SPOKE }, { op: 'deleteEntity', id: 'kibhr' }], []],
      ];
      for (const [ops, changes] of script) {
        expect(await outcome(neo4j, ops, changes)).toEqual(await outcome(embedded, ops, changes));
        expect(await fingerprint(neo4j)).toEqual(await fingerprint(embedded));
      }
    } finally {
      await embedded.close();
      await neo4j.close();
    }
  });
});
