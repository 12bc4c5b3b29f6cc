/**
 * Neo4j-only guarantees the embedded store gets for free: upsert and migrate are idempotent, and
 * a relationship rewritten with other ends or another type is moved, not duplicated.
 */
import { ENTITY_CITATION_INDEX, RELATIONSHIP_CITATION_INDEX } from '../../src/adapters/neo4j/citation-cypher';
import { SCHEMA_VERSION } from '../../src/adapters/neo4j/schema';
import type { Neo4jOptions } from '../../src/adapters/neo4j/driver';
import type { Neo4jStore } from '../../src/adapters/neo4j/neo4j-store';
import { Direction, EntityKind, RelationshipType } from '../../src/domain/enums';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import type { EntityRecord, RelationshipRecord } from '../../src/domain/records';
import { measureLoadFloor } from '../../bench/neo4j-load-floor';
import { Neo4jTestHooks } from '../support/neo4j-test-hooks';
import { describeNeo4j, neo4jTestOptions, seedBatch, wipeNeo4j } from '../support/stores';
import { change } from '../support/records';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { neo4jStore } from '../../src/open-store';

jest.setTimeout(60_000);

describeNeo4j('Neo4j upsert and migrate', () => {
  let options: Neo4jOptions;
  let store: Neo4jStore;
  let hooks: Neo4jTestHooks;

  beforeAll(async () => {
    options = neo4jTestOptions() as Neo4jOptions;
    await wipeNeo4j(options);
    store = neo4jStore(options);
    hooks = Neo4jTestHooks.create(options);
    await store.migrate();
    await store.upsert(seedBatch());
  });
  afterAll(async () => {
    await store?.close();
    await hooks?.close();
  });

  it('upserting the seed again leaves identical nodes, relationships and properties', async () => {
    const before = await hooks.snapshot();
    const seed = seedBatch();
    expect(before.nodes).toHaveLength(seed.entities.length + seed.sources.length);
    expect(before.relationships).toHaveLength(seed.relationships.length);
    await store.upsert(seed);
    expect(await hooks.snapshot()).toEqual(before);
  });

  it('stores the documented model: kind label beside :Entity, evidence as parallel lists, nulls absent', async () => {
    const { nodes, relationships } = await hooks.snapshot();
    const roman = nodes.find((n) => n.props['id'] === 'roman-vassilenko');
    expect(roman?.labels).toEqual(['Entity', 'Person']);
    expect(roman?.props).toMatchObject({ kind: 'PERSON', name: 'Roman Vassilenko', aliases: ['R. Vassilenko', '\u0420. Vassilenko'] });
    expect(roman?.props['evidenceSourceIds']).toHaveLength(3);
    expect(roman?.props['evidenceQuotes']).toHaveLength(3);
    expect(roman?.props['evidenceConfidences']).toHaveLength(3);
    for (const absent of ['orgType', 'country', 'date']) expect(roman?.props).not.toHaveProperty(absent);
    expect(roman?.props['searchText']).toBe('p pv r roman rv vassilenko');
    const source = nodes.find((n) => n.labels.includes('Source'));
    expect(source?.labels).toEqual(['Source']);
    const chaired = relationships.find((r) => r.type === 'CHAIRED');
    expect(chaired).toMatchObject({ fromId: 'roman-vassilenko', toId: 'dphd-cab-concluding-meeting-2023' });
    expect(chaired?.props['evidenceConfidences']).toEqual(expect.arrayContaining(['HIGH']));
  });

  it('migrate twice is fine', async () => {
    await store.migrate();
    await store.migrate();
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('migrate links audit entries written before AuditRef nodes existed, so changes(entityId) finds them', async () => {
    const logged = change(['kz-mfa', 'undp', 'kz-mfa']);
    await store.write([], [logged]);
    expect((await store.changes({ first: 10, offset: 0, entityId: 'undp' })).items).toEqual([logged]);
    // A database written before AuditRef nodes and schema versions existed.
    await hooks.unlinkAuditRefs();
    await hooks.forgetSchemaVersion();
    expect((await store.changes({ first: 10, offset: 0, entityId: 'undp' })).totalCount).toBe(0);
    expect(await store.migrate()).toEqual({ from: null, to: SCHEMA_VERSION, ran: true });
    expect((await store.changes({ first: 10, offset: 0, entityId: 'undp' })).items).toEqual([logged]);
    expect((await store.changes({ first: 10, offset: 0, entityId: 'kz-mfa' })).items).toEqual([logged]);
    await store.migrate({ force: true });
    expect((await store.changes({ first: 10, offset: 0, entityId: 'kz-mfa' })).totalCount).toBe(1);
  });

  it('records the schema version, so a start at the current version neither reruns the schema nor rescans the audit', async () => {
    expect(await store.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, ran: false });
    // Proof that nothing ran: unlinked entries stay unlinked until a forced (or version-raising) migration.
    await store.write([], [change(['un'])]);
    await hooks.unlinkAuditRefs();
    expect(await store.migrate()).toMatchObject({ ran: false });
    expect((await store.changes({ first: 10, offset: 0, entityId: 'un' })).totalCount).toBe(0);
    expect(await store.migrate({ force: true })).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, ran: true });
    expect((await store.changes({ first: 10, offset: 0, entityId: 'un' })).totalCount).toBe(1);
  });

  it('migrates a version 3 database: makes the citation indexes, and makes one over other types again', async () => {
    const quoting = (p: Record<string, unknown>) => ((p['evidenceSourceIds'] as string[] | undefined) ?? []).filter((id) => id === FOUNDING_SOURCE_ID).length;
    const { nodes, relationships } = await hooks.snapshot();
    const stored = [...nodes, ...relationships].reduce((n, r) => n + quoting(r.props), 0);
    expect(stored).toBeGreaterThan(100);
    // Version 3 had neither index; one over CHAIRED alone stands for an index made before a type was added.
    await hooks.replaceIndex(ENTITY_CITATION_INDEX, null);
    await hooks.replaceIndex(
      RELATIONSHIP_CITATION_INDEX,
      `CREATE FULLTEXT INDEX ${RELATIONSHIP_CITATION_INDEX} FOR ()-[r:CHAIRED]-() ON EACH [r.evidenceSourceIds] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'keyword'}}`,
    );
    await hooks.setSchemaVersion(3);
    expect(await store.migrate()).toEqual({ from: 3, to: SCHEMA_VERSION, ran: true });
    expect(await store.citationCounts([FOUNDING_SOURCE_ID])).toEqual([stored]);
    expect((await store.citationsOf([FOUNDING_SOURCE_ID], 2000))[0]).toHaveLength(stored);
  });

  it('moves a relationship whose end or type changed instead of duplicating it', async () => {
    const original = seedBatch().relationships.find((r) => r.id === 'rel-kz-mfa-part-of-kazakhstan') as RelationshipRecord;
    const count = async () => (await hooks.snapshot()).relationships.length;
    const before = await count();

    await store.upsert({ sources: [], entities: [], relationships: [{ ...original, toId: 'un' }] });
    expect(await count()).toBe(before);
    expect(await store.getRelationships([original.id])).toEqual([{ ...original, toId: 'un' }]);
    const [toKz] = await store.relationshipsOf(['kazakhstan'], { direction: Direction.INCOMING }, { first: 10, offset: 0 });
    expect(toKz?.items.map((r) => r.id)).not.toContain(original.id);

    await store.upsert({ sources: [], entities: [], relationships: [{ ...original, type: RelationshipType.MEMBER_OF, role: 'member' }] });
    expect(await count()).toBe(before);
    expect(await store.getRelationships([original.id])).toEqual([{ ...original, type: RelationshipType.MEMBER_OF, role: 'member' }]);

    await store.upsert({ sources: [], entities: [], relationships: [original] });
    expect(await count()).toBe(before);
    expect(await store.getRelationships([original.id])).toEqual([original]);
  });

  it('replaces an entity whole: a changed kind swaps the label, a dropped field disappears', async () => {
    const [udhr] = seedBatch().entities.filter((e) => e.id === 'udhr');
    if (!udhr) throw new Error('seed lacks udhr');
    await store.upsert({ sources: [], entities: [{ ...udhr, kind: EntityKind.DOCUMENT, country: 'KZ' }], relationships: [] });
    await store.upsert({ sources: [], entities: [{ ...udhr, kind: EntityKind.DOCUMENT }], relationships: [] });
    expect(await store.getEntities(['udhr'])).toEqual([{ ...udhr, kind: EntityKind.DOCUMENT }]);
    const node = (await hooks.snapshot()).nodes.find((n) => n.props['id'] === 'udhr');
    expect(node?.labels).toEqual(['Document', 'Entity']);
    expect(node?.props).not.toHaveProperty('country');
    await store.upsert({ sources: [], entities: [udhr], relationships: [] });
    expect((await hooks.snapshot()).nodes.find((n) => n.props['id'] === 'udhr')?.labels).toEqual(['Entity', 'Law']);
  });

  it('refuses, whole, a batch with a relationship to a missing entity', async () => {
    const before = await hooks.snapshot();
    const [first] = seedBatch().relationships;
    const dangling = { ...(first as RelationshipRecord), id: 'rel-dangling', toId: 'no-such-entity' };
    const newcomer = { ...(seedBatch().entities[0] as EntityRecord), id: 'newcomer' };
    const error = await store
      .upsert({ sources: [], entities: [newcomer], relationships: [dangling] })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.INVALID_DATA);
    expect((error as DomainError).message).toContain('rel-dangling');
    expect(await hooks.snapshot()).toEqual(before);
  });

  it('the bench floor probe creates every relationship it is given, then leaves the store as it was', async () => {
    const before = await hooks.snapshot();
    const rels = seedBatch().relationships;
    const figures = await measureLoadFloor(options, [rels.slice(0, 20), rels.slice(20)]);
    expect(figures.relationships).toBe(rels.length);
    expect(figures.bareMs).toBeGreaterThan(0);
    expect(figures.withPropertiesMs).toBeGreaterThan(0);
    expect(await hooks.snapshot()).toEqual(before);
    const dangling = { ...(rels[0] as RelationshipRecord), toId: 'no-such-entity' };
    await expect(measureLoadFloor(options, [[dangling]])).rejects.toThrow('created 0 of 1');
    expect(await hooks.snapshot()).toEqual(before);
  });
});
