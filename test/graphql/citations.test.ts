/**
 * What the explorer's source page asks for, through the real server on both stores: a source's
 * whole text with every quoted span (`Source.citations`), each naming the fact it supports, and
 * how many there are (`citationCount`); `Query.source(id)`; the bound on `first`.
 */
import { TOKEN_ENV, TOKENS } from '../support/api';
import { expectError } from '../support/expect-error';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';
import { describeStore, seedBatch, STORE_KINDS } from '../support/stores';

interface CitationView {
  quote: string;
  start: number;
  end: number;
  confidence: string;
  entity: { id: string } | null;
  relationship: { id: string; type: string } | null;
}

interface SourceView {
  id: string;
  text: string;
  citationCount: number;
  citations: CitationView[];
}

const SOURCE_PAGE = `query ($id: ID!, $first: Int) {
  source(id: $id) {
    id text citationCount
    citations(first: $first) { quote start end confidence entity { id } relationship { id type } }
  }
}`;

const editor = { token: TOKENS.editor };

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind, TOKEN_ENV);
    const page = async (id: string, first?: number) =>
      (await api().data<{ source: SourceView | null }>(SOURCE_PAGE, { id, ...(first === undefined ? {} : { first }) })).source;

    it('lists every quoted span of the founding source, each with the one fact it supports, in text order', async () => {
      const source = (await page(FOUNDING_SOURCE_ID))!;
      const seed = seedBatch();
      const items = [...seed.entities, ...seed.relationships].flatMap((r) => r.evidence);
      expect(source.text).toBe(FOUNDING_TEXT);
      expect(source.citationCount).toBe(items.length);
      expect(source.citations).toHaveLength(items.length);
      for (const c of source.citations) {
        expect(source.text.slice(c.start, c.end)).toBe(c.quote);
        // Exactly one of the two is set.
        expect([c.entity, c.relationship].filter((x) => x !== null)).toHaveLength(1);
      }
      const starts = source.citations.map((c) => [c.start, c.end]);
      expect(starts).toEqual([...starts].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
      // Every fact of the seed is behind some span, as the entity or relationship it is.
      const cited = new Set(source.citations.map((c) => c.entity?.id ?? `${c.relationship!.type}:${c.relationship!.id}`));
      expect(cited).toEqual(new Set([...seed.entities.map((e) => e.id), ...seed.relationships.map((r) => `${r.type}:${r.id}`)]));
    });

    it('the span that says who chaired the meeting supports the CHAIRED relationship', async () => {
      const { citations } = (await page(FOUNDING_SOURCE_ID))!;
      const chaired = citations.filter((c) => c.relationship?.type === 'CHAIRED');
      expect(chaired.map((c) => c.relationship!.id)).toContain(`rel-roman-vassilenko-chaired-${MEETING_ID}`);
      expect(chaired.every((c) => c.entity === null)).toBe(true);
    });

    it('cuts the list at `first`, from its front, while citationCount still counts them all', async () => {
      const all = (await page(FOUNDING_SOURCE_ID))!;
      const first3 = (await page(FOUNDING_SOURCE_ID, 3))!;
      expect(first3.citations).toEqual(all.citations.slice(0, 3));
      expect(first3.citationCount).toBe(all.citationCount);
    });

    it('answers null for an unknown source', async () => {
      expect(await page('no-such-source')).toBeNull();
    });

    it('refuses `first` outside 1..2000 with BAD_USER_INPUT', async () => {
      for (const first of [0, 2001]) {
        expectError(await api().run(SOURCE_PAGE, { id: FOUNDING_SOURCE_ID, first }), 'BAD_USER_INPUT', /"first" must be an integer between 1 and 2000/);
      }
    });

    it('shows a new source\'s citations after the mutations that quote it', async () => {
      const text = 'Jane Doe chaired the 2024 session. Jane Doe spoke.';
      await api().data('mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }', {
        input: { id: 'example-2024-report', title: 'A later report', text },
      }, editor);
      const quote = (q: string) => [{ sourceId: 'example-2024-report', quote: q }];
      await api().data(
        'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
        { input: { id: 'jane-doe', kind: 'PERSON', name: 'Jane Doe', evidence: quote('Jane Doe spoke') } },
        editor,
      );
      const { addRelationship } = await api().data<{ addRelationship: { id: string } }>(
        'mutation ($input: AddRelationshipInput!) { addRelationship(input: $input) { id } }',
        { input: { type: 'CHAIRED', fromId: 'jane-doe', toId: MEETING_ID, evidence: quote('Jane Doe chaired the 2024 session') } },
        editor,
      );
      const source = (await page('example-2024-report'))!;
      expect(source.citationCount).toBe(2);
      expect(source.citations).toEqual([
        { quote: 'Jane Doe chaired the 2024 session', start: 0, end: 33, confidence: 'HIGH', entity: null, relationship: { id: addRelationship.id, type: 'CHAIRED' } },
        { quote: 'Jane Doe spoke', start: 35, end: 49, confidence: 'HIGH', entity: { id: 'jane-doe' }, relationship: null },
      ]);
    });
  });
}
