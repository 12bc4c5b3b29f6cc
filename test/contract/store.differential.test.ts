/**
 * Differential test on generated graphs: the embedded and Neo4j stores get the same batches and
 * must give deep-equal answers. The generator aims at the seams between TS and Cypher: names that
 * differ only in accents, look-alike letters, ligatures, full-width characters, equal names (ties
 * by id), partial dates of every precision, self-loops, and a second batch that moves
 * relationships and changes kinds. Astral characters are kept to their own, known-failing case.
 */
import { CONFIDENCES, Direction, ENTITY_KINDS, ORG_TYPES, RELATIONSHIP_TYPES, EntityKind, RelationshipType } from '../../src/domain/enums';
import { typesForRoles } from '../../src/domain/participation';
import type { EntityRecord, EvidenceRecord, RelationshipRecord, SourceRecord } from '../../src/domain/records';
import { EntityOrder, type GraphBatch, type GraphStore } from '../../src/ports/graph-store';
import { describeNeo4j, loadedStore } from '../support/stores';
import { prng } from '../support/prng';

jest.setTimeout(120_000);

const WORDS = [
  'Café', 'cafe', 'CAFÉ', 'Рома', 'Roma', 'ℌuman', 'human', 'rights', 'Rights', 'ﬁnance', 'finance', '１２３', '123',
  'centre', 'center', 'Organisation', 'of', 'the', 'for', "O'Brien", 'x-ray', '\uFF21lpha', 'alpha',
  'Zhakaev', 'Žhakaev', 'Ärzte', 'arzte', 'Ωmega', 'national', 'Nationale', 'a', 'b', 'UN', 'OHCHR', 'Δ', '', 'İstanbul',
];

function generate(seed: number, entityCount: number, relationshipCount: number): GraphBatch {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const maybe = <T>(p: number, value: () => T): T | null => (rnd() < p ? value() : null);
  const name = (): string => {
    const n = 1 + Math.floor(rnd() * 4);
    const text = Array.from({ length: n }, () => pick(WORDS)).join(pick([' ', ' ', '-', ' & ', '. ']));
    return text.trim() || 'Unnamed';
  };
  const date = (): string => {
    const y = String(1990 + Math.floor(rnd() * 40));
    const m = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const d = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    return pick([y, `${y}-${m}`, `${y}-${m}-${d}`]);
  };
  const sources: SourceRecord[] = [0, 1, 2].map((i) => ({
    id: `src-${i}`,
    title: `Source ${i}`,
    publisher: maybe(0.5, () => 'Publisher'),
    publishedAt: maybe(0.5, date),
    url: maybe(0.5, () => `https://example.org/${i}`),
    // Offsets after the emoji count it as two code units (JavaScript's), not one (Cypher's).
    text: `Text of source ${i} with quotes: 😀 Рома, the 𝐀 centre, Café ${i}.`,
  }));
  const evidence = (): EvidenceRecord[] =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const source = pick(sources);
      const quote = pick(['Text of source', 'quotes', 'Рома', 'centre', `Café ${source.id.slice(-1)}`]);
      const start = source.text.indexOf(quote);
      return { sourceId: source.id, quote, confidence: pick(CONFIDENCES), start, end: start + quote.length };
    });
  const entities: EntityRecord[] = Array.from({ length: entityCount }, (_, i) => {
    const kind = pick(ENTITY_KINDS);
    return {
      // Mixed case and widths so id order exercises code-unit comparison.
      id: pick(['e', 'E', 'e-x', 'Ж']) + `-${i}`,
      kind,
      name: rnd() < 0.1 ? 'Same Name' : name(),
      aliases: Array.from({ length: Math.floor(rnd() * 3) }, name),
      description: maybe(0.3, () => 'A description.'),
      orgType: kind === EntityKind.ORGANIZATION ? maybe(0.8, () => pick(ORG_TYPES)) : null,
      country: maybe(0.4, () => pick(['KZ', 'KG', 'UZ'])),
      date: maybe(0.5, date),
      evidence: evidence(),
    };
  });
  const relationships: RelationshipRecord[] = Array.from({ length: relationshipCount }, (_, i) => {
    const from = pick(entities);
    const to = rnd() < 0.05 ? from : pick(entities);
    const startDate = maybe(0.3, date);
    const endDate = startDate === null ? null : maybe(0.5, () => [startDate, date()].sort().pop() as string);
    return {
      id: `r-${String(Math.floor(rnd() * 100))}-${i}`,
      type: pick(RELATIONSHIP_TYPES),
      fromId: from.id,
      toId: to.id,
      role: maybe(0.3, () => pick(['Head', 'member', 'observer'])),
      onBehalfOfId: maybe(0.2, () => pick(entities).id),
      startDate,
      endDate,
      description: maybe(0.2, () => 'Said something.'),
      evidence: evidence(),
    };
  });
  return { sources, entities, relationships };
}

/** A second batch over the first: moved ends, changed types and kinds, dropped fields. */
function revise(batch: GraphBatch, seed: number): GraphBatch {
  const rnd = prng(seed);
  const entities = batch.entities.filter(() => rnd() < 0.2).map((e) => ({
    ...e,
    kind: ENTITY_KINDS[Math.floor(rnd() * ENTITY_KINDS.length)] as EntityKind,
    orgType: null,
    country: null,
    name: `${e.name} Revised`,
  }));
  const relationships = batch.relationships.filter(() => rnd() < 0.3).map((r, i) => ({
    ...r,
    toId: (batch.entities[(i * 7) % batch.entities.length] as EntityRecord).id,
    type: i % 2 ? r.type : RelationshipType.DISCUSSED,
    role: null,
  }));
  return { sources: [], entities, relationships };
}

async function expectSameAnswers(embedded: GraphStore, neo4j: GraphStore, batch: GraphBatch): Promise<void> {
  const entityIds = [...batch.entities.map((e) => e.id), 'missing'];
  const relIds = [...batch.relationships.map((r) => r.id), 'missing'];
  const same = async <T>(label: unknown, ask: (s: GraphStore) => Promise<T>) => {
    expect({ label, answer: await ask(neo4j) }).toEqual({ label, answer: await ask(embedded) });
  };
  await same('entities', (s) => s.getEntities(entityIds));
  await same('relationships', (s) => s.getRelationships(relIds));
  await same('sources', (s) => s.listSources());
  const windows = [{}, { activeAt: '2010' }, { activeAt: '2015-06' }, { from: '2000-03', to: '2012' }, { from: '2020' }, { to: '1999-12-31' },
    { activeAt: '2005', from: '2001', to: '2019-02' }];
  for (const direction of Object.values(Direction)) {
    for (const types of [null, [RelationshipType.DISCUSSED], [RelationshipType.PART_OF, RelationshipType.ATTENDED, RelationshipType.CHAIRED]]) {
      for (const extra of [...windows, { otherKinds: [EntityKind.EVENT] }, { otherKinds: [EntityKind.PERSON, EntityKind.LAW], activeAt: '2012' }]) {
        // Paging is checked once per direction and type set; the filters with everything.
        const pages = Object.keys(extra).length === 0 ? [{ first: 1000, offset: 0 }, { first: 3, offset: 2 }] : [{ first: 1000, offset: 0 }];
        for (const page of pages) {
          const filter = { direction, types, ...extra };
          await same({ filter, page }, (s) => s.relationshipsOf(entityIds, filter, page));
        }
      }
    }
  }
  await same('participations', (s) => s.participationsOf(entityIds, typesForRoles(null)));
  // Many items share a span: the order then rests on holder ids of mixed case and script, and on
  // the position of an item in its holder's list.
  const sourceIds = [...batch.sources.map((s) => s.id), 'missing'];
  await same('citation counts', (s) => s.citationCounts(sourceIds));
  for (const first of [5000, 7]) await same({ citations: first }, (s) => s.citationsOf(sourceIds, first));
  for (const orderBy of Object.values(EntityOrder)) {
    for (const filter of [
      {}, { kinds: [EntityKind.PERSON, EntityKind.ORGANIZATION] }, { country: 'KZ' }, { orgType: ORG_TYPES[0] },
      { nameContains: 'cafe' }, { nameContains: 'centre' }, { nameContains: 'ﬁ' }, { nameContains: 'a', kinds: [EntityKind.LAW] },
      { dateFrom: '2001' }, { dateTo: '2010-05' }, { dateFrom: '2000-02-03', dateTo: '2024' }, { dateFrom: '' },
    ]) {
      for (const page of [{ first: 1000, offset: 0 }, { first: 10, offset: 5 }]) {
        await same({ orderBy, filter, page }, (s) => s.listEntities({ orderBy, ...filter, ...page }));
      }
    }
  }
  const texts = new Set(['a', 'c', 'ca', 'caf', 'cafe', 'café', 'CAFE', 'rom', 'Рома', 'hu', 'ℌuman', 'fin', 'ﬁ', '12', '１２',
    'center', 'centre', 'o brien', "o'b", 'x ray', 'xr', 'alpha', '\uFF21', '\u{1D400}', 'same name', 's n', 'İst', 'ist', 'Δ', 'rights of']);
  for (const e of batch.entities.slice(0, 60)) for (const n of [e.name, ...e.aliases]) texts.add(n);
  for (const text of texts) {
    for (const kinds of [null, [EntityKind.TOPIC, EntityKind.LAW]]) {
      for (const page of [{ first: 1000, offset: 0 }, { first: 5, offset: 3 }]) {
        await same({ text, kinds, page }, (s) => s.search({ text, kinds, ...page }));
      }
    }
  }
}

describeNeo4j('differential: embedded and Neo4j on generated graphs', () => {
  const batch = generate(20231214, 300, 900);
  let embedded: GraphStore;
  let neo4j: GraphStore;
  beforeAll(async () => {
    embedded = await loadedStore('embedded', batch);
    neo4j = await loadedStore('neo4j', batch);
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  it('answer alike after loading', async () => {
    await expectSameAnswers(embedded, neo4j, batch);
  });

  it('answer alike after a revising upsert (moved relationships, changed kinds)', async () => {
    const revision = revise(batch, 42);
    await embedded.upsert(revision);
    await neo4j.upsert(revision);
    await expectSameAnswers(embedded, neo4j, batch);
  });
});

describeNeo4j('differential: names with astral characters', () => {
  // Cypher orders strings by code point; compareStrings (src/domain/compare.ts) by UTF-16 code
  // unit. The two disagree only between astral characters (surrogate pairs) and U+E000..U+FFFF,
  // e.g. MATHEMATICAL BOLD A (U+1D400) and FULLWIDTH A (U+FF21). Until compareStrings orders by
  // code point, this case fails; jest reports it the day it starts passing, to flip it back.
  const base = generate(7, 2, 0).entities[0] as EntityRecord;
  const batch: GraphBatch = {
    ...generate(7, 0, 0),
    entities: [
      { ...base, id: 'fullwidth', name: '\uFF21lpha', aliases: [] },
      { ...base, id: 'astral', name: '\u{1D400}lpha', aliases: [] },
    ],
  };
  let neo4j: GraphStore;
  beforeAll(async () => {
    neo4j = await loadedStore('neo4j', batch);
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  it('list them in the same order', async () => {
    const embedded = await loadedStore('embedded', batch);
    const ask = (s: GraphStore) => s.listEntities({ orderBy: EntityOrder.NAME, first: 10, offset: 0 });
    expect(await ask(neo4j)).toEqual(await ask(embedded));
  });
});
