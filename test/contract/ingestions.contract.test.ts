/**
 * The review queue's store side, on every store: filing is one atomic, audited write; the same
 * text files once; listings page and filter; acceptance writes facts and proposals together; the
 * embedded store keeps it all across a reopen (journal, then snapshot).
 */
import { ChangeOperation, Role } from '../../src/domain/change';
import { ErrorCode } from '../../src/domain/errors';
import { IngestionStatus, ProposalStatus } from '../../src/domain/review';
import { openEmbeddedStore } from '../../src/open-store';
import type { Store } from '../../src/ports/store';
import { ReviewService } from '../../src/review/review-service';
import { storeDump, silentLogger } from '../support/api';
import { REVIEW_TEXT, reviewExtraction } from '../support/review-fixture';
import { loadedStore, seedBatch, describeStore, STORE_KINDS } from '../support/stores';
import { testTempDir } from '../support/test-tmp';

const EDITOR = { name: 'editor', role: Role.EDITOR };
const clock = (): (() => Date) => {
  let t = Date.parse('2024-03-01T00:00:00Z');
  return () => new Date((t += 1000));
};

describe.each(STORE_KINDS)('review queue on %s', (kind) => {
  describeStore(kind, () => {
    let store: Store;
    let review: ReviewService;
    beforeEach(async () => {
      store = await loadedStore(kind);
      review = new ReviewService(store, EDITOR, clock());
    }, 180_000);
    afterEach(async () => store.close());

    it('files the source, the ingestion and its proposals in one audited write', async () => {
      const before = (await store.changes({ first: 1000, offset: 0 })).totalCount;
      const { ingestion, created } = await review.file(reviewExtraction(), { title: 'Composed meeting note', publishedAt: '2024-02-01' });
      expect(created).toBe(true);
      expect(ingestion).toMatchObject({ status: IngestionStatus.OPEN, createdBy: 'editor', sourceId: 'composed-meeting-note' });
      const [source] = await store.getSources([ingestion.sourceId]);
      expect(source).toMatchObject({ title: 'Composed meeting note', text: REVIEW_TEXT, publishedAt: '2024-02-01' });
      expect(await store.getIngestions([ingestion.id, 'nope'])).toEqual([ingestion, null]);
      const [proposals] = await store.proposalsOf([ingestion.id], null);
      expect(proposals!.map((p) => p.id.slice(ingestion.id.length))).toEqual(['-e0001', '-e0002', '-e0003', '-e0004', '-r0001', '-r0002', '-r0003']);
      expect(proposals![0]).toMatchObject({ resolvesTo: 'roman-vassilenko', status: ProposalStatus.PENDING });
      expect(await store.getProposals([proposals![1]!.id])).toEqual([proposals![1]]);
      const changes = await store.changes({ first: 1000, offset: 0 });
      expect(changes.totalCount).toBe(before + 1);
      expect(changes.items.at(-1)).toMatchObject({ operation: ChangeOperation.INGEST_DOCUMENT, ids: [ingestion.sourceId, ingestion.id] });
    });

    it('flags a different post for a stored person, with the stored quote', async () => {
      const { ingestion } = await review.file(reviewExtraction(), { title: 'Note' });
      const [proposals] = await store.proposalsOf([ingestion.id], null);
      const r1 = proposals!.find((p) => p.id.endsWith('-r0001'))!;
      const stored = seedBatch().relationships.find((r) => r.id === 'rel-roman-vassilenko-holds-position-kz-mfa')!;
      expect(r1.contradiction).toEqual({ relationshipId: stored.id, sourceId: stored.evidence[0]!.sourceId, quote: stored.evidence[0]!.quote });
      expect(proposals!.find((p) => p.id.endsWith('-r0002'))!.contradiction).toBeNull();
    });

    it('files the same text once: the second filing answers the first and proposes nothing', async () => {
      const first = await review.file(reviewExtraction(), { title: 'Note' });
      const dump = await storeDump(store);
      const again = await review.file(reviewExtraction(), { title: 'Note, again' });
      expect(again).toEqual({ ingestion: first.ingestion, created: false });
      expect(await storeDump(store)).toBe(dump);
      expect((await store.listIngestions(null, { first: 10, offset: 0 })).totalCount).toBe(1);
    });

    it('writes nothing when a span does not mark its quote', async () => {
      const bad = reviewExtraction();
      const broken = { ...bad, relationships: [{ ...bad.relationships[0]!, evidence: [{ quote: 'Roman', start: 3, end: 8 }] }] };
      const dump = await storeDump(store);
      await expect(review.file(broken, { title: 'Note' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
      expect(await storeDump(store)).toBe(dump);
      expect(await store.ingestionsByTextHash(['x'])).toEqual([null]);
    });

    it('lists newest first, pages, and filters by status', async () => {
      const ids: string[] = [];
      for (const n of [1, 2, 3]) ids.push((await review.file(reviewExtraction(`${REVIEW_TEXT} (${n})`), { title: `Note ${n}` })).ingestion.id);
      const page1 = await store.listIngestions(null, { first: 2, offset: 0 });
      expect(page1.totalCount).toBe(3);
      expect(page1.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
      expect((await store.listIngestions(null, { first: 2, offset: 2 })).items.map((i) => i.id)).toEqual([ids[0]]);
      const [proposals] = await store.proposalsOf([ids[0]!], ProposalStatus.PENDING);
      await review.rejectProposals(proposals!.map((p) => p.id), 'not news');
      expect((await store.listIngestions(IngestionStatus.DONE, { first: 10, offset: 0 })).items.map((i) => i.id)).toEqual([ids[0]]);
      expect((await store.listIngestions(IngestionStatus.OPEN, { first: 10, offset: 0 })).totalCount).toBe(2);
      expect(await store.proposalsOf([ids[0]!, ids[1]!], ProposalStatus.PENDING)).toEqual([[], expect.any(Array)]);
      expect((await store.proposalsOf([ids[0]!], ProposalStatus.REJECTED))[0]).toHaveLength(7);
    });

    it('accepts a relationship with the entities it needs, facts and proposals in one write', async () => {
      const { ingestion } = await review.file(reviewExtraction(), { title: 'Note' });
      const before = (await store.changes({ first: 1000, offset: 0 })).totalCount;
      const [accepted] = await review.accept([`${ingestion.id}-r0002`]);
      expect(accepted).toMatchObject({ status: ProposalStatus.ACCEPTED, acceptedAs: 'rel-aigerim-nurlanova-holds-position-bureau-for-civic-dialogue' });
      const [person] = await store.getEntities(['aigerim-nurlanova']);
      expect(person!.evidence[0]).toMatchObject({ sourceId: ingestion.sourceId, quote: 'Aigerim Nurlanova', start: REVIEW_TEXT.indexOf('Aigerim Nurlanova') });
      const [relationship] = await store.getRelationships([accepted!.acceptedAs!]);
      expect(relationship).toMatchObject({ fromId: 'aigerim-nurlanova', toId: 'bureau-for-civic-dialogue', role: 'Director' });
      const statuses = (await store.proposalsOf([ingestion.id], null))[0]!.map((p) => p.status[0]).join('');
      expect(statuses).toBe('PPAAPAP');
      const ops = (await store.changes({ first: 1000, offset: 0 })).items.slice(before).map((c) => c.operation);
      expect(ops).toEqual([ChangeOperation.CREATE_ENTITY, ChangeOperation.CREATE_ENTITY, ChangeOperation.ADD_RELATIONSHIP, ChangeOperation.ACCEPT_PROPOSALS]);
    });
  });
});

describe('review queue on a durable embedded store', () => {
  it('keeps ingestions and proposals across reopens (journal, then snapshot)', async () => {
    const dataDir = testTempDir('review-');
    let store = await openEmbeddedStore({ dataDir, logger: silentLogger });
    await store.upsert(seedBatch());
    const review = new ReviewService(store, EDITOR, clock());
    const { ingestion } = await review.file(reviewExtraction(), { title: 'Note' });
    await review.accept([`${ingestion.id}-r0002`]);
    await review.rejectProposals([`${ingestion.id}-r0001`], 'an old post');
    const dump = async (s: Store) => JSON.stringify([await storeDump(s), await s.getIngestions([ingestion.id]), await s.proposalsOf([ingestion.id], null)]);
    const before = await dump(store);
    await store.close();
    for (const round of [1, 2]) {
      store = await openEmbeddedStore({ dataDir, logger: silentLogger });
      expect([round, await dump(store)]).toEqual([round, before]);
      expect(await store.ingestionsByTextHash([ingestion.textHash])).toEqual([ingestion]);
      await store.close();
    }
  });
});
