/**
 * The write port on the embedded store, in memory over the seed: how a batch is simulated in
 * order, the audit log's order and filters, and relationshipsTouching with its cap.
 */
import { EmbeddedStore } from '../../src/adapters/embedded/embedded-store';
import { RelationshipType } from '../../src/domain/enums';
import { ErrorCode } from '../../src/domain/errors';
import { MAX_RELATIONSHIPS_PER_WRITE } from '../../src/ports/graph-writes';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { change, MEETING_ID, person, relationship } from './fixtures/embedded-records';

async function seededStore(): Promise<EmbeddedStore> {
  const store = new EmbeddedStore();
  await store.upsert(loadSeedDirectory());
  return store;
}

const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

const KIBHR_HOLDS = 'rel-r-akylbekova-holds-position-kibhr';
/** Has kibhr as onBehalfOf only. */
const KIBHR_SPOKE = 'rel-r-akylbekova-spoke-at-dphd-cab-concluding-meeting-2023';

describe('write: a batch is checked in order, as if applied', () => {
  it('lets a relationship use an entity put earlier in the same batch', async () => {
    const store = await seededStore();
    const spoke = relationship('newcomer', RelationshipType.SPOKE_AT, MEETING_ID, 'newcomer');
    await store.write(
      [
        { op: 'putEntity', entity: person('newcomer') },
        { op: 'putRelationship', relationship: spoke },
      ],
      [change(['newcomer', spoke.id])],
    );
    expect(await store.getRelationships([spoke.id])).toEqual([spoke]);
  });

  it('refuses a relationship to an entity deleted earlier in the batch', async () => {
    const store = await seededStore();
    await store.write([{ op: 'putEntity', entity: person('short-lived') }], []);
    const write = store.write(
      [
        { op: 'deleteEntity', id: 'short-lived' },
        { op: 'putRelationship', relationship: relationship('short-lived', RelationshipType.ATTENDED, MEETING_ID) },
      ],
      [],
    );
    await expect(write).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { op: 1 } });
    expect((await store.getEntities(['short-lived']))[0]?.id).toBe('short-lived');
  });

  it('counts onBehalfOf as a reference that blocks a delete', async () => {
    const store = await seededStore();
    const write = store.write([{ op: 'deleteRelationship', id: KIBHR_HOLDS }, { op: 'deleteEntity', id: 'kibhr' }], []);
    await expect(write).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(write).rejects.toThrow(KIBHR_SPOKE);
    expect(await store.getRelationships([KIBHR_HOLDS])).not.toEqual([null]);
  });

  it('deletes an entity once the batch removed or moved everything that touched it', async () => {
    const store = await seededStore();
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

  it('refuses a delete when a relationship put earlier in the batch touches the entity', async () => {
    const store = await seededStore();
    await store.write([{ op: 'putEntity', entity: person('loner') }], []);
    const write = store.write(
      [
        { op: 'putRelationship', relationship: relationship('undp', RelationshipType.REFERENCED, 'loner') },
        { op: 'deleteEntity', id: 'loner' },
      ],
      [],
    );
    await expect(write).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    expect(await store.relationshipsTouching(['loner'])).toEqual([]);
  });

  it('writes one batch at a time: a write is checked against the state the one before left', async () => {
    const store = await seededStore();
    const first = store.write([{ op: 'putEntity', entity: person('queued') }], []);
    const second = store.write(
      [{ op: 'putRelationship', relationship: relationship('queued', RelationshipType.ATTENDED, MEETING_ID) }],
      [],
    );
    const third = store.write([{ op: 'deleteEntity', id: 'queued' }], []);
    await first;
    await second;
    await expect(third).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });
});

describe('changes', () => {
  it('answers oldest first by id, filtered by touched id and time, paged', async () => {
    const store = await seededStore();
    const late = change(['kz-mfa'], '2024-03-01T00:00:00.000Z');
    const early = change(['kz-mfa', 'undp'], '2024-01-01T00:00:00.000Z');
    const middle = change(['undp'], '2024-02-01T00:00:00.000Z');
    await store.write([], [late]);
    await store.write([], [early, middle]);

    expect(await store.changes({ first: 10, offset: 0 })).toEqual({ items: [early, middle, late], totalCount: 3 });
    expect(await store.changes({ first: 10, offset: 0, entityId: 'kz-mfa' })).toEqual({
      items: [early, late],
      totalCount: 2,
    });
    expect(await store.changes({ first: 10, offset: 0, since: '2024-02-01T00:00:00.000Z' })).toEqual({
      items: [middle, late],
      totalCount: 2,
    });
    expect(await store.changes({ first: 1, offset: 1, entityId: 'undp' })).toEqual({ items: [middle], totalCount: 2 });
    expect(await store.changes({ first: 10, offset: 0, entityId: 'nobody' })).toEqual({ items: [], totalCount: 0 });
  });
});

describe('relationshipsTouching', () => {
  it('finds ends and onBehalfOf, once each, ordered by id', async () => {
    const store = await seededStore();
    const loop = relationship('kibhr', RelationshipType.REFERENCED, 'kibhr');
    await store.write([{ op: 'putRelationship', relationship: loop }], []);
    expect(ids(await store.relationshipsTouching(['kibhr', 'kibhr', 'nobody']))).toEqual([
      loop.id,
      KIBHR_HOLDS,
      KIBHR_SPOKE,
    ]);
  });

  it('follows a relationship whose onBehalfOf moved', async () => {
    const store = await seededStore();
    const [spoke] = await store.getRelationships([KIBHR_SPOKE]);
    await store.write([{ op: 'putRelationship', relationship: { ...spoke!, onBehalfOfId: 'undp' } }], []);
    expect(ids(await store.relationshipsTouching(['kibhr']))).toEqual([KIBHR_HOLDS]);
    expect(ids(await store.relationshipsTouching(['undp']))).toContain(KIBHR_SPOKE);
  });

  it(`stops at MAX_RELATIONSHIPS_PER_WRITE + 1, the lowest ids`, async () => {
    const store = new EmbeddedStore();
    const count = MAX_RELATIONSHIPS_PER_WRITE + 5;
    const others = Array.from({ length: count }, (_, i) => person(`p-${String(i).padStart(6, '0')}`));
    await store.upsert({
      sources: [],
      entities: [person('hub'), ...others],
      relationships: others.map((p) => relationship(p.id, RelationshipType.MEMBER_OF, 'hub')),
    });
    const touching = await store.relationshipsTouching(['hub']);
    expect(touching).toHaveLength(MAX_RELATIONSHIPS_PER_WRITE + 1);
    expect(touching[0]?.fromId).toBe('p-000000');
    expect(touching[MAX_RELATIONSHIPS_PER_WRITE]?.fromId).toBe(`p-${String(MAX_RELATIONSHIPS_PER_WRITE).padStart(6, '0')}`);
  });
});
