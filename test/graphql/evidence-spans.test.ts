/**
 * What a page highlighting quotes needs, through the real server on both stores: `Source.text`,
 * and `Evidence.start`/`end` such that `source.text.slice(start, end) === quote`, set when the
 * evidence is stored, whether it came from the seed or from a mutation.
 */
import { TOKEN_ENV, TOKENS } from '../support/api';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';
import { describeStore, STORE_KINDS } from '../support/stores';

interface Spanned {
  quote: string;
  start: number;
  end: number;
  source: { id: string; text: string };
}

const EVIDENCE = 'evidence { quote start end source { id text } }';
const MEETING = `query ($id: ID!) {
  entity(id: $id) {
    ${EVIDENCE}
    relationships(first: 100) { edges { node { ${EVIDENCE} } } }
    ... on Event { participants { ${EVIDENCE} } }
  }
}`;

const editor = { token: TOKENS.editor };
/** Astral characters (two UTF-16 code units each) before the quotes, and one quote twice. */
const TEXT = '😀 Astana, 𝟐𝟎𝟐𝟒. Aigerim Sultanova chaired the round table. Later, Aigerim Sultanova spoke.';
const SOURCE_ID = 'astral-round-table';
const at = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length });

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind, TOKEN_ENV);

    it('Source.text is the whole stored text', async () => {
      const { sources } = await api().data<{ sources: { id: string; text: string }[] }>('{ sources { id text } }');
      expect(sources).toEqual([{ id: FOUNDING_SOURCE_ID, text: FOUNDING_TEXT }]);
    });

    it('every evidence of the meeting, its relationships and its participants marks its quote in source.text', async () => {
      type Meeting = { entity: { evidence: Spanned[]; relationships: { edges: { node: { evidence: Spanned[] } }[] }; participants: { evidence: Spanned[] }[] } };
      const { entity } = await api().data<Meeting>(MEETING, { id: MEETING_ID });
      const all = [
        ...entity.evidence,
        ...entity.relationships.edges.flatMap((e) => e.node.evidence),
        ...entity.participants.flatMap((p) => p.evidence),
      ];
      expect(all.length).toBeGreaterThan(40);
      for (const e of all) {
        expect({ quote: e.quote, marked: e.source.text.slice(e.start, e.end) }).toEqual({ quote: e.quote, marked: e.quote });
        expect(e.end - e.start).toBe(e.quote.length);
      }
    });

    it('mutations store offsets for new evidence: createEntity, addRelationship, addEvidence; an update keeps them', async () => {
      await api().data('mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }', {
        input: { id: SOURCE_ID, title: 'A round table', text: TEXT },
      }, editor);
      const quote = (text: string) => ({ sourceId: SOURCE_ID, quote: text });

      const { createEntity } = await api().data<{ createEntity: { id: string; evidence: Spanned[] } }>(
        `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id ${EVIDENCE} } }`,
        { input: { id: 'astral-sultanova', kind: 'PERSON', name: 'Aigerim Sultanova', evidence: [quote('Aigerim Sultanova')] } },
        editor,
      );
      // The first occurrence, counted in UTF-16 code units (😀 and each bold digit are two).
      expect(createEntity.evidence.map(({ start, end }) => ({ start, end }))).toEqual([at('Aigerim Sultanova')]);
      expect(at('Aigerim Sultanova')).toEqual({ start: 21, end: 38 });

      const { addRelationship } = await api().data<{ addRelationship: { id: string; evidence: Spanned[] } }>(
        `mutation ($input: AddRelationshipInput!) { addRelationship(input: $input) { id ${EVIDENCE} } }`,
        { input: { type: 'SPOKE_AT', fromId: 'astral-sultanova', toId: MEETING_ID, evidence: [quote('Aigerim Sultanova spoke')] } },
        editor,
      );
      expect(addRelationship.evidence.map(({ start, end }) => ({ start, end }))).toEqual([at('Aigerim Sultanova spoke')]);

      const { addEvidence } = await api().data<{ addEvidence: Spanned[] }>(
        `mutation ($entityId: ID, $evidence: EvidenceInput!) { addEvidence(entityId: $entityId, evidence: $evidence) { quote start end source { id text } } }`,
        { entityId: 'astral-sultanova', evidence: quote('chaired the round table') },
        editor,
      );
      expect(addEvidence.map(({ quote: q, start, end }) => ({ q, start, end }))).toEqual([
        { q: 'Aigerim Sultanova', ...at('Aigerim Sultanova') },
        { q: 'chaired the round table', ...at('chaired the round table') },
      ]);

      await api().data('mutation { updateEntity(id: "astral-sultanova", input: { description: "Chair." }) { id } }', undefined, editor);
      const { entity } = await api().data<{ entity: { evidence: Spanned[]; relationships: { edges: { node: { evidence: Spanned[] } }[] } } }>(
        `{ entity(id: "astral-sultanova") { ${EVIDENCE} relationships { edges { node { ${EVIDENCE} } } } } }`,
      );
      for (const e of [...entity.evidence, ...entity.relationships.edges.flatMap((x) => x.node.evidence)]) {
        expect(e.source.text.slice(e.start, e.end)).toBe(e.quote);
      }
      expect(entity.evidence.map((e) => e.start)).toEqual([at('Aigerim Sultanova').start, at('chaired the round table').start]);
    });
  });
}
