/**
 * Evidence offsets on import: a file may give start/end with a quote (exports do) or leave them
 * out; either way the stored evidence has them, found once on the way in. Offsets that do not mark
 * the quote are a line problem, and nothing is written.
 */
import { importFile } from '../../src/import/import-graph';
import type { Store } from '../../src/ports/store';
import { graphCounts } from '../support/graph-counts';
import { jsonl, NEW_SOURCE_TEXT, newPerson, newSource, observesSeedMeeting, writeTemp } from '../support/files';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT } from '../support/seed-source';
import { loadedStore } from '../support/stores';

/** "round table" occurs twice in the new source: after "held a" and after "attended the". */
const QUOTE = 'round table';
const FIRST = NEW_SOURCE_TEXT.indexOf(QUOTE);
const SECOND = NEW_SOURCE_TEXT.indexOf(QUOTE, FIRST + 1);

const withEvidence = (id: string, evidence: object) => ({ ...newPerson, id, evidence: [{ sourceId: newSource.id, quote: QUOTE, ...evidence }] });

describe('importing evidence offsets (embedded store)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await loadedStore('embedded');
  });
  afterEach(() => store.close());

  it('finds the first occurrence when a line gives no offsets, in a new source and in one the store holds', async () => {
    const result = await importFile(store, writeTemp('plain.jsonl', jsonl([newSource, withEvidence('p-plain', {}), newPerson, observesSeedMeeting])));
    expect(result.problems).toEqual([]);
    const [plain] = await store.getEntities(['p-plain']);
    expect(plain?.evidence).toEqual([{ sourceId: newSource.id, quote: QUOTE, confidence: 'HIGH', start: FIRST, end: FIRST + QUOTE.length }]);
    const [observes] = await store.getRelationships([observesSeedMeeting.id]);
    const { quote } = observesSeedMeeting.evidence[0]!;
    const start = FOUNDING_TEXT.indexOf(quote);
    expect(observes?.evidence).toEqual([{ sourceId: FOUNDING_SOURCE_ID, quote, confidence: 'LOW', start, end: start + quote.length }]);
    expect(FOUNDING_TEXT.slice(start, start + quote.length)).toBe(quote);
  });

  it('keeps given offsets that mark the quote, a later occurrence too, and a second import changes nothing', async () => {
    const path = writeTemp('given.jsonl', jsonl([newSource, withEvidence('p-later', { start: SECOND, end: SECOND + QUOTE.length })]));
    expect(await importFile(store, path)).toMatchObject({ problems: [], written: 2 });
    const [later] = await store.getEntities(['p-later']);
    expect(later?.evidence).toEqual([{ sourceId: newSource.id, quote: QUOTE, confidence: 'HIGH', start: SECOND, end: SECOND + QUOTE.length }]);
    expect(await importFile(store, path)).toMatchObject({ problems: [], unchanged: 2, written: 0 });
  });

  it.each([
    [
      'offsets that hold other words',
      { start: FIRST + 1, end: FIRST + 1 + QUOTE.length },
      new RegExp(
        `^evidence\\[0\\]\\.start/end ${FIRST + 1}\\.\\.${FIRST + 1 + QUOTE.length} do not mark the quote in source "${newSource.id}" ` +
          `\\(they hold "${NEW_SOURCE_TEXT.slice(FIRST + 1, FIRST + 1 + QUOTE.length)}"\\); the quote first occurs at ${FIRST}\\.\\.${FIRST + QUOTE.length}`,
      ),
    ],
    ['offsets past the end of the text', { start: 5000, end: 5000 + QUOTE.length }, /do not mark the quote/],
    ['a start without an end', { start: FIRST }, /^evidence\.0\.end: give both start and end, or neither$/],
    ['a negative start', { start: -1, end: 10 }, /^evidence\.0\.start: /],
    ['a fractional end', { start: FIRST, end: 2.5 }, /^evidence\.0\.end: /],
  ])('refuses %s with the line and record, writing nothing', async (_what, offsets, message) => {
    const before = await graphCounts(store);
    const path = writeTemp('bad.jsonl', jsonl([newSource, newPerson, withEvidence('p-bad', offsets)]));
    const result = await importFile(store, path);
    expect(result.problems).toEqual([expect.objectContaining({ lineNo: 3, recordId: 'p-bad', message: expect.stringMatching(message) })]);
    expect(result.written).toBe(0);
    expect(await graphCounts(store)).toEqual(before);
  });
});
