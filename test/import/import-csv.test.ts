import { importFile } from '../../src/import/import-graph';
import type { Store } from '../../src/ports/store';
import { loadedStore } from '../support/stores';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT } from '../support/seed-source';
import { graphCounts } from '../support/graph-counts';
import { jsonl, NEW_SOURCE_TEXT, newSource, writeTemp } from '../support/files';

const entityHeader = 'id,kind,name,aliases,orgType,country,date,description,sourceId,quote,confidence';
const relationshipHeader = 'id,type,fromId,toId,role,onBehalfOfId,startDate,endDate,description,sourceId,quote,confidence';
const S = FOUNDING_SOURCE_ID;
/** Where a CSV row's quote is stored: CSV has no offset columns, so its first occurrence. */
const span = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe('importing CSV', () => {
  let store: Store;
  beforeEach(async () => {
    store = await loadedStore('embedded');
  });
  afterEach(() => store.close());

  it('reads an entity file with quoted commas, quotes and line breaks', async () => {
    const csv = [
      entityHeader,
      `undp-kz,ORGANIZATION,"United Nations Development Programme, Kazakhstan",UNDP|UNDP Kazakhstan,INTERNATIONAL_ORGANIZATION,KZ,,"A ""partner"",\nnamed in the text.",${S},the United Nations Development Programme,MEDIUM`,
      `work-plan-2024,DOCUMENT,Work Plan for 2024,,,,2023-12-14,,${S},the Work Plan for 2024 was approved,`,
    ].join('\r\n');
    const result = await importFile(store, writeTemp('entities.csv', csv));
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual({ sources: 0, entities: 2, relationships: 0 });
    const [undp, plan] = await store.getEntities(['undp-kz', 'work-plan-2024']);
    expect(undp).toEqual({
      id: 'undp-kz', kind: 'ORGANIZATION', name: 'United Nations Development Programme, Kazakhstan',
      aliases: ['UNDP', 'UNDP Kazakhstan'], orgType: 'INTERNATIONAL_ORGANIZATION', country: 'KZ', date: null,
      description: 'A "partner",\nnamed in the text.',
      evidence: [{ sourceId: S, quote: 'the United Nations Development Programme', confidence: 'MEDIUM', ...span(FOUNDING_TEXT, 'the United Nations Development Programme') }],
    });
    expect(plan).toMatchObject({ kind: 'DOCUMENT', aliases: [], date: '2023-12-14', evidence: [{ confidence: 'HIGH' }] });
  });

  it('reads a relationship file that refers to the store and to a JSON Lines import before it', async () => {
    await importFile(store, writeTemp('source.jsonl', jsonl([newSource])));
    const csv = [
      // Columns in another order, optional ones left out.
      'type,id,fromId,toId,role,sourceId,quote',
      `APPROVED,rel-dphd-cab-approved-x,dphd-cab,kz-mfa,"chair, acting",${S},"the Work Plan for 2024 was approved"`,
    ].join('\n');
    const result = await importFile(store, writeTemp('relationships.csv', csv));
    expect(result.problems).toEqual([]);
    const [r] = await store.getRelationships(['rel-dphd-cab-approved-x']);
    expect(r).toMatchObject({ type: 'APPROVED', fromId: 'dphd-cab', toId: 'kz-mfa', role: 'chair, acting', startDate: null });

    const full = [
      relationshipHeader,
      `rel-x,HOLDS_POSITION,roman-vassilenko,kz-mfa,"Deputy ""Foreign"" Minister",,2023,2024-06,"line one\r\nline two",${newSource.id},"Aigerim Sultanova, Head of the Ombudsman Office",LOW`,
    ].join('\r\n');
    expect((await importFile(store, writeTemp('full.csv', full))).problems).toEqual([]);
    const [x] = await store.getRelationships(['rel-x']);
    expect(x).toEqual({
      id: 'rel-x', type: 'HOLDS_POSITION', fromId: 'roman-vassilenko', toId: 'kz-mfa', role: 'Deputy "Foreign" Minister',
      onBehalfOfId: null, startDate: '2023', endDate: '2024-06', description: 'line one\r\nline two',
      evidence: [{ sourceId: newSource.id, quote: 'Aigerim Sultanova, Head of the Ombudsman Office', confidence: 'LOW', ...span(NEW_SOURCE_TEXT, 'Aigerim Sultanova, Head of the Ombudsman Office') }],
    });
  });

  it('reports every bad row by the line it starts on, and writes nothing', async () => {
    const csv = [
      entityHeader,
      `ok-1,PERSON,Someone,,,,,"two\nlines",${S},Roman Vassilenko,`, // lines 2-3
      `bad-kind,ROBOT,R,,,,,,${S},Roman Vassilenko,`, // line 4
      `bad-quote,PERSON,P,,,,,,${S},"not, in the text",`, // line 5
      `short,PERSON`, // line 6
      `bad"quote,PERSON,P,,,,,,${S},Roman Vassilenko,`, // line 7
      `ok-1,PERSON,Again,,,,,,${S},Roman Vassilenko,`, // line 8
    ].join('\n');
    const before = await graphCounts(store);
    const result = await importFile(store, writeTemp('bad.csv', csv));
    expect(result.problems.map((p) => [p.lineNo, p.recordId])).toEqual([
      [4, 'bad-kind'], [5, 'bad-quote'], [6, 'short'], [7, 'bad"quote'], [8, 'ok-1'],
    ]);
    expect(result.problems[0]!.message).toMatch(/kind: Invalid option/);
    expect(result.problems[1]!.message).toMatch(/quote is not found verbatim/);
    expect(result.problems[2]!.message).toBe('expected 11 fields (as in the header), got 2');
    expect(result.problems[3]!.message).toMatch(/malformed CSV: a quote inside an unquoted field/);
    expect(result.problems[4]!.message).toMatch(/first defined at line 2/);
    expect(await graphCounts(store)).toEqual(before);
  });

  it('refuses a header it does not know', async () => {
    const result = await importFile(store, writeTemp('odd.csv', 'id,kind,name,colour\nx,PERSON,X,red\n'));
    expect(result.problems).toEqual([
      expect.objectContaining({ lineNo: 1, message: expect.stringMatching(/unknown column "colour".*missing columns sourceId, quote/) }),
    ]);
  });
});
