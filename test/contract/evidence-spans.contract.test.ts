/**
 * Evidence offsets, on both stores: every stored item marks its quote in its source's stored
 * text, `text.slice(start, end) === quote`, and a store gives back the offsets it was given
 * (JavaScript string indices, also after characters outside the BMP).
 */
import { Confidence } from '../../src/domain/enums';
import type { EvidenceRecord, SourceRecord } from '../../src/domain/records';
import { EntityOrder } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import { person } from '../support/records';
import { describeStore, loadedStore, seedBatch, STORE_KINDS } from '../support/stores';

const TEXT = 'Рома 😀 said: the panel met. 𝐀 later, the panel met again.';
const astral: SourceRecord = { id: 'astral', title: 'Astral', publisher: null, publishedAt: null, url: null, text: TEXT };
const QUOTE = 'the panel met';
const LATER = TEXT.lastIndexOf(QUOTE);

async function everyEvidence(store: Store): Promise<{ owner: string; evidence: EvidenceRecord }[]> {
  const entities = (await store.listEntities({ first: 100_000, offset: 0, orderBy: EntityOrder.NAME })).items;
  const relationships = await store.relationshipsTouching(entities.map((e) => e.id));
  return [...entities, ...relationships].flatMap((r) => r.evidence.map((evidence) => ({ owner: r.id, evidence })));
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    beforeAll(async () => {
      store = await loadedStore(kind);
    }, 120_000);
    afterAll(() => store?.close());

    it('stores offsets that mark every quote of the seed in its source text (the first occurrence)', async () => {
      const texts = new Map((await store.listSources()).map((s) => [s.id, s.text]));
      const all = await everyEvidence(store);
      const seed = seedBatch();
      expect(all).toHaveLength([...seed.entities, ...seed.relationships].reduce((n, r) => n + r.evidence.length, 0));
      const misplaced = all.filter(({ evidence: e }) => {
        const text = texts.get(e.sourceId) ?? '';
        return text.slice(e.start, e.end) !== e.quote || text.indexOf(e.quote) !== e.start;
      });
      expect(misplaced).toEqual([]);
    });

    it('gives back the offsets it was given: code-unit indices after astral characters, a later occurrence', async () => {
      const first = TEXT.indexOf(QUOTE);
      const evidence: EvidenceRecord[] = [
        { sourceId: astral.id, quote: QUOTE, confidence: Confidence.HIGH, start: first, end: first + QUOTE.length },
        { sourceId: astral.id, quote: QUOTE, confidence: Confidence.LOW, start: LATER, end: LATER + QUOTE.length },
      ];
      const entity = { ...person('astral-person'), evidence };
      await store.upsert({ sources: [astral], entities: [entity], relationships: [] });
      expect(await store.getEntities([entity.id])).toEqual([entity]);
      expect(await store.getSources([astral.id])).toEqual([astral]);
      // 😀 and 𝐀 are two code units each: a code-point count would put both one or two places earlier.
      expect([first, LATER]).toEqual([14, 39]);
    });
  });
}
