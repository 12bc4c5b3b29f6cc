/**
 * A source's citations (citationsOf, citationCounts), one suite over every store, on the seed: the
 * founding source is quoted by every fact, so its citations are exactly the seed's evidence items,
 * in (start, end, holder id) order; pages are cut from that order; and writes (evidence added or
 * removed, relationships and entities deleted) show at once.
 */
import { Confidence, RelationshipType } from '../../src/domain/enums';
import { locateQuote } from '../../src/domain/quote-span';
import type { CitationRecord, EvidenceRecord, SourceRecord } from '../../src/domain/records';
import type { Store } from '../../src/ports/store';
import { change, person, relationship } from '../support/records';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';
import { describeStore, loadedStore, seedBatch, STORE_KINDS } from '../support/stores';

jest.setTimeout(120_000);

const MEMO: SourceRecord = {
  id: 'memo:2024-01',
  title: 'A memo',
  publisher: null,
  publishedAt: null,
  url: null,
  text: 'Jane Doe chaired the session. Jane Doe spoke. The session ended.',
};

const quoting = (quote: string, confidence = Confidence.HIGH): EvidenceRecord => ({
  sourceId: MEMO.id,
  quote,
  confidence,
  ...locateQuote(MEMO.text, quote)!,
});

/** The seed's evidence items quoting the founding source, sorted here independently of the stores' comparator. */
function expectedFoundingCitations(): CitationRecord[] {
  const { entities, relationships } = seedBatch();
  const items = [
    ...entities.flatMap((e) => e.evidence.map((evidence, i) => ({ holderKind: 'entity' as const, holderId: e.id, evidence, i }))),
    ...relationships.flatMap((r) => r.evidence.map((evidence, i) => ({ holderKind: 'relationship' as const, holderId: r.id, evidence, i }))),
  ].filter((c) => c.evidence.sourceId === FOUNDING_SOURCE_ID);
  // Seed ids are ASCII, where `<` is code-point order.
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  items.sort(
    (a, b) =>
      a.evidence.start - b.evidence.start ||
      a.evidence.end - b.evidence.end ||
      cmp(a.holderId, b.holderId) ||
      cmp(a.holderKind, b.holderKind) ||
      a.i - b.i,
  );
  return items.map(({ holderKind, holderId, evidence }) => ({ holderKind, holderId, evidence }));
}

const holders = (citations: readonly CitationRecord[]): string[] => citations.map((c) => `${c.holderKind}:${c.holderId}`);

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    beforeAll(async () => {
      store = await loadedStore(kind);
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('on the seed', () => {
      it('counts every evidence item quoting the founding source, one answer per key in key order', async () => {
        const { entities, relationships } = seedBatch();
        const items = [...entities, ...relationships].flatMap((r) => r.evidence);
        // The founding source is quoted by every fact.
        expect(items.every((e) => e.sourceId === FOUNDING_SOURCE_ID)).toBe(true);
        expect(await store.citationCounts([FOUNDING_SOURCE_ID, 'nope', FOUNDING_SOURCE_ID])).toEqual([items.length, 0, items.length]);
        expect(await store.citationCounts([])).toEqual([]);
      });

      it('lists them all, whole, ordered by (start, end, holder id), entities first at the same place', async () => {
        const expected = expectedFoundingCitations();
        expect(expected.length).toBeGreaterThan(100);
        const [all, none, again] = await store.citationsOf([FOUNDING_SOURCE_ID, 'nope', FOUNDING_SOURCE_ID], 2000);
        expect(all).toEqual(expected);
        expect(none).toEqual([]);
        expect(again).toEqual(expected);
        expect(await store.citationsOf([], 10)).toEqual([]);
        // Spans the explorer highlights: each quote is where its offsets say.
        const text = seedBatch().sources[0]!.text;
        expect(all!.filter((c) => text.slice(c.evidence.start, c.evidence.end) !== c.evidence.quote)).toEqual([]);
      });

      it('cuts a page from the front of that order', async () => {
        const expected = expectedFoundingCitations();
        expect(await store.citationsOf([FOUNDING_SOURCE_ID], 5)).toEqual([expected.slice(0, 5)]);
        expect(await store.citationsOf([FOUNDING_SOURCE_ID], 1)).toEqual([expected.slice(0, 1)]);
        expect(await store.citationsOf([FOUNDING_SOURCE_ID], expected.length)).toEqual([expected]);
      });
    });

    describe('after writes', () => {
      const jane = { ...person('jane-doe'), evidence: [quoting('Jane Doe chaired the session'), quoting('Jane Doe spoke', Confidence.LOW)] };
      const chaired = { ...relationship('jane-doe', RelationshipType.CHAIRED, MEETING_ID), evidence: [quoting('Jane Doe chaired the session')] };
      const citationsOfMemo = async () => {
        const [[citations], [count]] = await Promise.all([store.citationsOf([MEMO.id], 2000), store.citationCounts([MEMO.id])]);
        expect(citations).toHaveLength(count!);
        return citations!;
      };

      it('lists a new source\'s citations as they are written: the same span, entity before relationship', async () => {
        await store.write(
          [{ op: 'putSource', source: MEMO }, { op: 'putEntity', entity: jane }, { op: 'putRelationship', relationship: chaired }],
          [change([MEMO.id, jane.id, chaired.id])],
        );
        expect(await citationsOfMemo()).toEqual([
          { holderKind: 'entity', holderId: jane.id, evidence: jane.evidence[0] },
          { holderKind: 'relationship', holderId: chaired.id, evidence: chaired.evidence[0] },
          { holderKind: 'entity', holderId: jane.id, evidence: jane.evidence[1] },
        ]);
        // Other sources are untouched.
        expect(await store.citationCounts([FOUNDING_SOURCE_ID])).toEqual([expectedFoundingCitations().length]);
      });

      it('follows evidence added to and removed from a record', async () => {
        const ended = quoting('The session ended');
        const more = { ...chaired, evidence: [...chaired.evidence, ended] };
        const fewer = { ...jane, evidence: jane.evidence.slice(1) };
        await store.write([{ op: 'putRelationship', relationship: more }, { op: 'putEntity', entity: fewer }], [change([more.id, fewer.id])]);
        expect(holders(await citationsOfMemo())).toEqual([`relationship:${chaired.id}`, `entity:${jane.id}`, `relationship:${chaired.id}`]);
        expect((await citationsOfMemo())[2]!.evidence).toEqual(ended);
      });

      it('drops a deleted relationship\'s and a deleted entity\'s citations', async () => {
        await store.write([{ op: 'deleteRelationship', id: chaired.id }], [change([chaired.id])]);
        expect(holders(await citationsOfMemo())).toEqual([`entity:${jane.id}`]);
        await store.write([{ op: 'deleteEntity', id: jane.id }], [change([jane.id])]);
        expect(await citationsOfMemo()).toEqual([]);
        expect(await store.citationCounts([MEMO.id, FOUNDING_SOURCE_ID])).toEqual([0, expectedFoundingCitations().length]);
      });
    });
  });
}
