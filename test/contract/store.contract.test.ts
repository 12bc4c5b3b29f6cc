/**
 * The store contract: one suite, run against every adapter over the seed graph, asserting real
 * answers (ids in order, totals, whole records). A differential block then compares the embedded
 * and Neo4j answers record for record.
 */
import { Direction, EntityKind, OrgType, RelationshipType } from '../../src/domain/enums';
import { typesForRoles } from '../../src/domain/participation';
import { EntityOrder, type GraphStore } from '../../src/ports/graph-store';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';
import { describeNeo4j, describeStore, loadedStore, seedBatch, STORE_KINDS } from '../support/stores';

jest.setTimeout(60_000);

const ids = (records: readonly ({ id: string } | null)[]): (string | null)[] => records.map((r) => r?.id ?? null);

/** [query, expected ids in order]; the Lucene prefix filter must agree with the scorer on each. */
const SEARCH_CASES: readonly [string, string[]][] = [
  ['National Center for Human Rights', ['national-centre-for-human-rights']],
  ['national centre', ['national-centre-for-human-rights']],
  ['DPHD CAB', ['dphd-cab', 'dphd-cab-results-2023']],
  ['OHCHR', ['ohchr']],
  ['r. vassilenko', ['roman-vassilenko']],
  ['Р. Vassilenko', ['roman-vassilenko']], // Cyrillic Р
  ['ROMAN   vassilenko!', ['roman-vassilenko']],
  ['Tursynbek', ['saltanat-tursynbekova']],
  ['hümán rights', [
    'commission-on-human-rights-under-the-president', 'commissioner-for-human-rights', 'kazakh-human-rights-ngos',
    'national-centre-for-human-rights', 'ohchr', 'practical-recommendations-human-rights-legislative-framework', 'udhr',
  ]],
  ['UN', ['un', 'ohchr', 'commission-on-human-rights-under-the-president', 'eu-delegation-to-kazakhstan', 'undp', 'udhr']],
  ['prosecutor’s', ['general-prosecutors-office', 'torture-investigation-transfer-to-prosecutors-office']],
  ['12', ['torture-max-penalty-increase-12-years']],
  ['Васс', []], // Cyrillic look-alikes fold to "bacc", which nothing starts with
  ['prosecutors', []],
  ['', []],
  ['!!! *', []],
];

const PARTICIPANTS = [
  'rel-kz-mfa-hosted-dphd-cab-concluding-meeting-2023',
  'rel-roman-vassilenko-chaired-dphd-cab-concluding-meeting-2023',
  'rel-a-kayirbekov-spoke-at-dphd-cab-concluding-meeting-2023',
  'rel-b-zhakaev-spoke-at-dphd-cab-concluding-meeting-2023',
  'rel-r-akylbekova-spoke-at-dphd-cab-concluding-meeting-2023',
  'rel-roman-vassilenko-spoke-at-dphd-cab-concluding-meeting-2023',
  'rel-saltanat-tursynbekova-spoke-at-dphd-cab-concluding-meeting-2023',
  'rel-commission-on-human-rights-under-the-president-attended-dphd-cab-concluding-meeting-2023',
  'rel-eu-delegation-to-kazakhstan-attended-dphd-cab-concluding-meeting-2023',
  'rel-general-prosecutors-office-attended-dphd-cab-concluding-meeting-2023',
  'rel-guests-of-the-platform-attended-dphd-cab-concluding-meeting-2023',
  'rel-kazakh-human-rights-ngos-attended-dphd-cab-concluding-meeting-2023',
  'rel-national-centre-for-human-rights-attended-dphd-cab-concluding-meeting-2023',
  'rel-ohchr-attended-dphd-cab-concluding-meeting-2023',
  'rel-relevant-ministries-attended-dphd-cab-concluding-meeting-2023',
  'rel-undp-attended-dphd-cab-concluding-meeting-2023',
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await loadedStore(kind);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reports its kind', () => {
      expect(store.kind).toBe(kind);
    });

    describe('getEntities / getRelationships / getSources', () => {
      it('answers in key order, null for a miss, repeated keys repeated', async () => {
        expect(ids(await store.getEntities(['kz-mfa', 'nope', 'roman-vassilenko', 'kz-mfa']))).toEqual([
          'kz-mfa', null, 'roman-vassilenko', 'kz-mfa',
        ]);
        expect(await store.getEntities([])).toEqual([]);
        expect(ids(await store.getRelationships(['nope', 'rel-kz-mfa-part-of-kazakhstan']))).toEqual([
          null, 'rel-kz-mfa-part-of-kazakhstan',
        ]);
        expect(ids(await store.getSources([FOUNDING_SOURCE_ID, 'nope']))).toEqual([FOUNDING_SOURCE_ID, null]);
      });

      it('returns every seed record exactly as loaded: nulls, aliases, evidence quotes, confidences, order', async () => {
        const seed = seedBatch();
        expect(await store.getEntities(seed.entities.map((e) => e.id))).toEqual(seed.entities);
        expect(await store.getRelationships(seed.relationships.map((r) => r.id))).toEqual(seed.relationships);
        expect(await store.getSources(seed.sources.map((s) => s.id))).toEqual(seed.sources);
      });

      it('keeps the Cyrillic alias and multi-item evidence of Roman Vassilenko intact', async () => {
        const [roman] = await store.getEntities(['roman-vassilenko']);
        expect(roman?.aliases).toEqual(['R. Vassilenko', '\u0420. Vassilenko']);
        expect(roman?.evidence).toHaveLength(3);
        expect(roman?.evidence.map((e) => e.sourceId)).toEqual([FOUNDING_SOURCE_ID, FOUNDING_SOURCE_ID, FOUNDING_SOURCE_ID]);
        for (const e of roman?.evidence ?? []) expect(FOUNDING_TEXT).toContain(e.quote);
        expect(roman?.orgType).toBeNull();
        expect(roman?.description === null || typeof roman?.description === 'string').toBe(true);
      });
    });

    it('listSources: by id, with the full text', async () => {
      const sources = await store.listSources();
      expect(ids(sources)).toEqual([FOUNDING_SOURCE_ID]);
      expect(sources[0]?.text).toBe(FOUNDING_TEXT);
    });

    describe('relationshipsOf', () => {
      const all = { first: 100, offset: 0 };

      it('pages per id, ordered by (type, id), with totals; unknown ids get an empty page', async () => {
        const pages = await store.relationshipsOf(
          ['roman-vassilenko', 'kz-mfa', 'nope', 'dphd-cab'],
          { direction: Direction.BOTH },
          { first: 3, offset: 1 },
        );
        expect(pages.map((p) => [p.totalCount, ids(p.items)])).toEqual([
          [6, [
            'rel-roman-vassilenko-discussed-role-of-civil-society-in-political-governance',
            'rel-roman-vassilenko-discussed-vassilenko-76-legislative-initiatives',
            'rel-roman-vassilenko-holds-position-kz-mfa',
          ]],
          [4, ['rel-roman-vassilenko-holds-position-kz-mfa', 'rel-kz-mfa-hosted-dphd-cab-concluding-meeting-2023', 'rel-kz-mfa-part-of-kazakhstan']],
          [0, []],
          [5, ['rel-ohchr-observes-dphd-cab', 'rel-osce-observes-dphd-cab', 'rel-undp-observes-dphd-cab']],
        ]);
      });

      it('follows each direction', async () => {
        const of = async (direction: Direction) =>
          ids((await store.relationshipsOf(['kz-mfa'], { direction }, all))[0]?.items ?? []);
        expect(await of(Direction.OUTGOING)).toEqual([
          'rel-kz-mfa-established-dphd-cab', 'rel-kz-mfa-hosted-dphd-cab-concluding-meeting-2023', 'rel-kz-mfa-part-of-kazakhstan',
        ]);
        expect(await of(Direction.INCOMING)).toEqual(['rel-roman-vassilenko-holds-position-kz-mfa']);
        expect(await of(Direction.BOTH)).toEqual([
          'rel-kz-mfa-established-dphd-cab', 'rel-roman-vassilenko-holds-position-kz-mfa',
          'rel-kz-mfa-hosted-dphd-cab-concluding-meeting-2023', 'rel-kz-mfa-part-of-kazakhstan',
        ]);
      });

      it('filters by type and pages past the end', async () => {
        const [page] = await store.relationshipsOf(
          [MEETING_ID],
          { direction: Direction.INCOMING, types: [RelationshipType.SPOKE_AT, RelationshipType.CHAIRED] },
          { first: 2, offset: 5 },
        );
        expect(page?.totalCount).toBe(6);
        expect(ids(page?.items ?? [])).toEqual(['rel-saltanat-tursynbekova-spoke-at-dphd-cab-concluding-meeting-2023']);
        const [beyond] = await store.relationshipsOf([MEETING_ID], { direction: Direction.OUTGOING }, { first: 10, offset: 50 });
        expect(beyond).toEqual({ items: [], totalCount: 5 });
        const [none] = await store.relationshipsOf(['kz-mfa'], { direction: Direction.BOTH }, { first: 0, offset: 0 });
        expect(none).toEqual({ items: [], totalCount: 4 });
      });

      it('filters by the kind of the other end', async () => {
        const [roman] = await store.relationshipsOf(
          ['roman-vassilenko'], { direction: Direction.OUTGOING, otherKinds: [EntityKind.LAW, EntityKind.TOPIC] }, all);
        expect(ids(roman?.items ?? [])).toEqual([
          'rel-roman-vassilenko-discussed-role-of-civil-society-in-political-governance',
          'rel-roman-vassilenko-discussed-vassilenko-76-legislative-initiatives',
          'rel-roman-vassilenko-referenced-udhr',
        ]);
        const [cab] = await store.relationshipsOf(['dphd-cab'], { direction: Direction.BOTH, otherKinds: [EntityKind.EVENT] }, all);
        expect(ids(cab?.items ?? [])).toEqual(['rel-dphd-cab-concluding-meeting-2023-part-of-dphd-cab']);
      });

      it('filters by date window, a participation dated by its event, undated ones out', async () => {
        const of = async (window: { activeAt?: string; from?: string; to?: string }) =>
          ids((await store.relationshipsOf(['roman-vassilenko'], { direction: Direction.BOTH, ...window }, all))[0]?.items ?? []);
        const atMeeting = [
          'rel-roman-vassilenko-chaired-dphd-cab-concluding-meeting-2023',
          'rel-roman-vassilenko-spoke-at-dphd-cab-concluding-meeting-2023',
        ];
        expect(await of({ activeAt: '2023-12' })).toEqual(atMeeting);
        expect(await of({ to: '2023' })).toEqual(atMeeting);
        expect(await of({ from: '2023-12-14', to: '2023-12-14' })).toEqual(atMeeting);
        expect(await of({ activeAt: '2024' })).toEqual([]);
        expect(await of({ from: '2023-12-15' })).toEqual([]);
      });

      it('returns whole records with both ends', async () => {
        const [page] = await store.relationshipsOf(['b-zhakaev'], { direction: Direction.OUTGOING, types: [RelationshipType.MEMBER_OF] }, all);
        const seeded = seedBatch().relationships.find((r) => r.id === 'rel-b-zhakaev-member-of-npm-coordinating-council');
        expect(page?.items).toEqual([seeded]);
      });
    });

    it('participationsOf: host, chair, the 5 speakers, the attendees, each role by participant name', async () => {
      const [meeting, unknown, law] = await store.participationsOf([MEETING_ID, 'nope', 'udhr'], typesForRoles(null));
      expect(ids(meeting ?? [])).toEqual(PARTICIPANTS);
      expect(unknown).toEqual([]);
      expect(law).toEqual([]);
      const [speakers] = await store.participationsOf([MEETING_ID], [RelationshipType.SPOKE_AT]);
      expect(speakers?.map((r) => r.fromId)).toEqual([
        'a-kayirbekov', 'b-zhakaev', 'r-akylbekova', 'roman-vassilenko', 'saltanat-tursynbekova',
      ]);
    });

    describe('search', () => {
      it.each(SEARCH_CASES)('%j', async (text, expected) => {
        const result = await store.search({ text, first: 50, offset: 0 });
        expect(ids(result.items)).toEqual(expected);
        expect(result.totalCount).toBe(expected.length);
      });

      it('filters by kind and pages with an exact total', async () => {
        const people = await store.search({ text: 'r', kinds: [EntityKind.PERSON], first: 10, offset: 0 });
        expect(ids(people.items)).toEqual(['r-akylbekova', 'roman-vassilenko']);
        const page = await store.search({ text: 'kaz', kinds: [EntityKind.ORGANIZATION, EntityKind.LAW], first: 2, offset: 2 });
        expect(page.totalCount).toBe(5);
        expect(ids(page.items)).toEqual(['kz-law-detention-special-institutions', 'kz-mfa']);
        const none = await store.search({ text: 'torture', kinds: [EntityKind.PERSON], first: 10, offset: 0 });
        expect(none).toEqual({ items: [], totalCount: 0 });
      });
    });

    describe('listEntities', () => {
      it('NAME: by name then id, with filters and a total', async () => {
        const kz = await store.listEntities({
          orderBy: EntityOrder.NAME, kinds: [EntityKind.ORGANIZATION], country: 'KZ', first: 100, offset: 0,
        });
        expect(ids(kz.items)).toEqual(['dphd-cab', 'kazakh-human-rights-ngos', 'kz-mfa', 'kazakhstan']);
        expect(kz.totalCount).toBe(4);
        const groups = await store.listEntities({ orderBy: EntityOrder.NAME, orgType: OrgType.GROUP, first: 2, offset: 1 });
        expect(groups.totalCount).toBe(3);
        expect(ids(groups.items)).toEqual(['kazakh-human-rights-ngos', 'relevant-ministries']);
        const laws = await store.listEntities({ orderBy: EntityOrder.NAME, kinds: [EntityKind.LAW, EntityKind.DOCUMENT], first: 10, offset: 0 });
        expect(ids(laws.items)).toEqual([
          'proposed-codified-law-conditions-of-detention', 'convention-against-torture', 'kz-law-detention-special-institutions',
          'udhr', 'dphd-cab-work-plan-2024',
        ]);
      });

      it('nameContains matches the normalised name; dateFrom / dateTo by partial-date order', async () => {
        const list = async (filter: object) =>
          ids((await store.listEntities({ orderBy: EntityOrder.NAME, first: 100, offset: 0, ...filter })).items);
        expect(await list({ nameContains: 'human rights' })).toEqual([
          'commission-on-human-rights-under-the-president', 'commissioner-for-human-rights', 'kazakh-human-rights-ngos',
          'national-centre-for-human-rights', 'ohchr', 'practical-recommendations-human-rights-legislative-framework', 'udhr',
        ]);
        expect(await list({ nameContains: 'CENTRE' })).toEqual(['national-centre-for-human-rights']);
        expect(await list({ nameContains: '!!!' })).toHaveLength(seedBatch().entities.length);
        expect(await list({ dateTo: '2023-12' })).toEqual([MEETING_ID]);
        expect(await list({ dateFrom: '2023', kinds: [EntityKind.EVENT] })).toEqual([MEETING_ID]);
        expect(await list({ dateFrom: '2024' })).toEqual([]);
      });

      it('DATE_DESC: dated first (newest first), undated last by name', async () => {
        const page = await store.listEntities({ orderBy: EntityOrder.DATE_DESC, first: 5, offset: 0 });
        expect(page.totalCount).toBe(seedBatch().entities.length);
        expect(ids(page.items)).toEqual([
          MEETING_ID, 'vassilenko-76-legislative-initiatives', 'a-kayirbekov', 'b-zhakaev', 'proposed-codified-law-conditions-of-detention',
        ]);
      });
    });

    it('ping resolves', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

describeNeo4j('differential: embedded and Neo4j answer alike on the seed', () => {
  let embedded: GraphStore;
  let neo4j: GraphStore;
  beforeAll(async () => {
    embedded = await loadedStore('embedded');
    neo4j = await loadedStore('neo4j');
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  const seedIds = () => seedBatch().entities.map((e) => e.id);

  it('relationshipsOf, every entity, every direction, several pages and type sets', async () => {
    for (const direction of Object.values(Direction)) {
      for (const types of [null, [RelationshipType.PART_OF], [RelationshipType.DISCUSSED, RelationshipType.ATTENDED]]) {
        for (const extra of [{}, { otherKinds: [EntityKind.EVENT, EntityKind.PERSON] }, { activeAt: '2023' }, { from: '2023-12-14' }]) {
          for (const page of [{ first: 100, offset: 0 }, { first: 2, offset: 1 }]) {
            const ask = (s: GraphStore) => s.relationshipsOf([...seedIds(), 'nope'], { direction, types, ...extra }, page);
            expect(await ask(neo4j)).toEqual(await ask(embedded));
          }
        }
      }
    }
  });

  it('participationsOf for every entity and each role alone', async () => {
    for (const types of [typesForRoles(null), ...typesForRoles(null).map((t) => [t])]) {
      expect(await neo4j.participationsOf(seedIds(), types)).toEqual(await embedded.participationsOf(seedIds(), types));
    }
  });

  it('search: every name, alias and their prefixes and initials', async () => {
    const texts = new Set<string>(['a', 'b', 'r', 'k', 'un', 'the', 'of', 'human', 'hum ri', 'ℌuman', 'AND', 'OR NOT', 'r.vassilenko']);
    for (const e of seedBatch().entities) {
      for (const name of [e.name, ...e.aliases]) {
        texts.add(name);
        texts.add(name.slice(0, 4));
        texts.add(name.split(/\s+/).map((w) => w[0]).join(' '));
      }
    }
    for (const text of texts) {
      for (const kinds of [null, [EntityKind.ORGANIZATION, EntityKind.EVENT]]) {
        const ask = (s: GraphStore) => s.search({ text, kinds, first: 7, offset: 1 });
        expect({ text, kinds, result: await ask(neo4j) }).toEqual({ text, kinds, result: await ask(embedded) });
      }
    }
  });

  it('listEntities over filters and orders', async () => {
    for (const orderBy of Object.values(EntityOrder)) {
      for (const filter of [
        {}, { kinds: [EntityKind.TOPIC] }, { country: 'KZ' }, { orgType: OrgType.INTERNATIONAL_ORGANIZATION }, { kinds: [] },
        { nameContains: 'of the' }, { nameContains: 'torture', kinds: [EntityKind.TOPIC] }, { dateFrom: '2023-12-14' }, { dateTo: '2023' },
      ]) {
        for (const page of [{ first: 100, offset: 0 }, { first: 3, offset: 2 }]) {
          const ask = (s: GraphStore) => s.listEntities({ orderBy, ...filter, ...page });
          expect(await ask(neo4j)).toEqual(await ask(embedded));
        }
      }
    }
  });

  it('listSources and lookups', async () => {
    expect(await neo4j.listSources()).toEqual(await embedded.listSources());
    const relIds = [...seedBatch().relationships.map((r) => r.id), 'nope'];
    expect(await neo4j.getRelationships(relIds)).toEqual(await embedded.getRelationships(relIds));
  });
});
