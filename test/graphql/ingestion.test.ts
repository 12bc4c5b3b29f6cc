/**
 * The review queue through the real API on both stores: file a composed document with a fixed
 * extraction, review it (accept, reject, fix), and see accepted facts on the entity pages.
 */
import { ErrorCode } from '../../src/domain/errors';
import { TestApi, TOKEN_ENV, TOKENS } from '../support/api';
import { REVIEW_TEXT, fixedExtractor } from '../support/review-fixture';
import { describeStore, loadedStore, STORE_KINDS } from '../support/stores';

const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) {
    id status createdBy source { id title text }
    proposals { id kind status resolvesTo entity { name kind } relationship { type role from to }
      evidence { quote start end } contradiction { relationshipId quote relationship { id role } } }
  }
}`;
const ACCEPT = 'mutation($ids: [ID!]!) { acceptProposals(ids: $ids) { id status acceptedAs } }';
const REJECT = 'mutation($ids: [ID!]!, $reason: String!) { rejectProposals(ids: $ids, reason: $reason) { id status rejectedReason } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateProposalInput!) { updateProposal(id: $id, input: $input) { id status entity { name } relationship { toId } } }';
const INPUT = { title: 'Composed meeting note', text: REVIEW_TEXT, publishedAt: '2024-02-01' };
const editor = { token: TOKENS.editor };

describe.each(STORE_KINDS)('ingestion API on %s', (kind) => {
  describeStore(kind, () => {
    let api: TestApi;
    beforeEach(async () => {
      api = await TestApi.start(await loadedStore(kind), TOKEN_ENV, fixedExtractor);
    }, 180_000);
    afterEach(async () => {
      await api.stop();
      await api.store.close();
    });

    const ingest = async () => (await api.data(INGEST, { input: INPUT }, editor)).ingestDocument;

    it('lists ingestions with their proposals in one store call per level', async () => {
      await api.stop();
      api = await TestApi.start(api.store, { ...TOKEN_ENV, QUERY_STATS: '1' }, fixedExtractor);
      await ingest();
      await api.data(INGEST, { input: { ...INPUT, title: 'A second note', text: `${REVIEW_TEXT} Again.` } }, editor);
      const result = await api.run<any>('{ ingestions(first: 10) { edges { node { proposals { id status } } } } }', {}, editor);
      expect(result.errors).toBeUndefined();
      expect(result.data.ingestions.edges).toHaveLength(2);
      for (const edge of result.data.ingestions.edges) expect(edge.node.proposals.length).toBeGreaterThan(0);
      // the listing, then the proposals of both ingestions in one batch.
      expect(result.extensions?.storeCalls).toBe(2);
    });

    it('files the document with its proposals, flags the contradiction, and files the same text once', async () => {
      const ingestion = await ingest();
      expect(ingestion).toMatchObject({ status: 'OPEN', createdBy: 'editor', source: { title: INPUT.title, text: REVIEW_TEXT } });
      expect(ingestion.proposals).toHaveLength(7);
      const [vassilenko, , , , r1] = ingestion.proposals;
      expect(vassilenko).toMatchObject({ kind: 'ENTITY', resolvesTo: 'roman-vassilenko', entity: { name: 'Roman Vassilenko' } });
      expect(r1.contradiction).toMatchObject({
        relationshipId: 'rel-roman-vassilenko-holds-position-kz-mfa',
        relationship: { role: 'Deputy Foreign Minister' },
      });
      expect(r1.contradiction.quote).toContain('Deputy Foreign Minister Roman Vassilenko');
      expect(r1.evidence[0]).toEqual({ quote: 'Roman Vassilenko, Ambassador to the United Nations', start: 0, end: 50 });
      const again = await ingest();
      expect(again.id).toBe(ingestion.id);
      const listed = await api.data('{ ingestions { totalCount edges { node { id proposals { id } } } } }', {}, editor);
      expect(listed.ingestions).toMatchObject({ totalCount: 1, edges: [{ node: { id: ingestion.id } }] });
      expect(listed.ingestions.edges[0].node.proposals).toHaveLength(7);
    });

    it('accepts a relationship with its entities; the fact shows on the entity page with its quote', async () => {
      const { id } = await ingest();
      const accepted = (await api.data(ACCEPT, { ids: [`${id}-r0002`] }, editor)).acceptProposals;
      expect(accepted).toEqual([{ id: `${id}-r0002`, status: 'ACCEPTED', acceptedAs: 'rel-aigerim-nurlanova-holds-position-bureau-for-civic-dialogue' }]);
      const page = await api.data(
        `{ entity(id: "aigerim-nurlanova") { name relationships { edges { node { role evidence { quote start } } } } } }`,
      );
      expect(page.entity.name).toBe('Aigerim Nurlanova');
      expect(page.entity.relationships.edges[0].node).toEqual({
        role: 'Director',
        evidence: [{ quote: 'Aigerim Nurlanova, Director of the Bureau for Civic Dialogue', start: REVIEW_TEXT.indexOf('Aigerim Nurlanova, Director') }],
      });
      const pending = await api.data(`{ ingestion(id: "${id}") { proposals(status: ACCEPTED) { id } } }`, {}, editor);
      expect(pending.ingestion.proposals.map((p: { id: string }) => p.id)).toEqual([`${id}-e0003`, `${id}-e0004`, `${id}-r0002`]);
    });

    it('refuses a HOLDS_POSITION without its organization until one is set', async () => {
      const { id } = await ingest();
      const refused = await api.run(ACCEPT, { ids: [`${id}-r0003`] }, editor);
      expect(refused.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(refused.errors?.[0]?.message).toMatch(/set "to" with updateProposal/);
      const updated = (await api.data(UPDATE, { id: `${id}-r0003`, input: { to: 'kz-mfa' } }, editor)).updateProposal;
      expect(updated).toMatchObject({ status: 'PENDING', relationship: { toId: 'kz-mfa' } });
      const [accepted] = (await api.data(ACCEPT, { ids: [`${id}-r0003`] }, editor)).acceptProposals;
      expect(accepted.acceptedAs).toBe('rel-aigerim-nurlanova-holds-position-kz-mfa');
    });

    it('rejects with a reason, fixes a name before accepting, and closes the ingestion when nothing is pending', async () => {
      const { id } = await ingest();
      const rejected = (await api.data(REJECT, { ids: [`${id}-r0001`, `${id}-r0003`, `${id}-e0002`], reason: 'old news' }, editor)).rejectProposals;
      expect(rejected.map((p: { status: string }) => p.status)).toEqual(['REJECTED', 'REJECTED', 'REJECTED']);
      const fixed = (await api.data(UPDATE, { id: `${id}-e0004`, input: { name: 'Bureau of Civic Dialogue' } }, editor)).updateProposal;
      expect(fixed.entity.name).toBe('Bureau of Civic Dialogue');
      await api.data(ACCEPT, { ids: [`${id}-r0002`, `${id}-e0001`] }, editor);
      const done = await api.data(`{ ingestion(id: "${id}") { status } entity(id: "bureau-of-civic-dialogue") { name } }`, {}, editor);
      expect(done).toEqual({ ingestion: { status: 'DONE' }, entity: { name: 'Bureau of Civic Dialogue' } });
      const again = await api.run(ACCEPT, { ids: [`${id}-r0001`] }, editor);
      expect(again.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    });

    it('lets only editors in', async () => {
      const anonymous = await api.run(INGEST, { input: INPUT });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe(ErrorCode.UNAUTHENTICATED);
      const reader = await api.run(INGEST, { input: INPUT }, { token: TOKENS.reader });
      expect(reader.errors?.[0]?.extensions?.code).toBe(ErrorCode.FORBIDDEN);
      const listing = await api.run('{ ingestions { totalCount } }', {}, { token: TOKENS.reader });
      expect(listing.errors?.[0]?.extensions?.code).toBe(ErrorCode.FORBIDDEN);
      expect((await api.data('{ ingestions { totalCount } }', {}, editor)).ingestions.totalCount).toBe(0);
    });
  });
});
