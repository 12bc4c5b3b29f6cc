/**
 * ingestDocument with src/ingest's own extractor (no fixed extraction). TEXT only: the HTML reader's
 * DOM library (linkedom) is ESM that jest's CommonJS runtime cannot load yet (see the hand-over notes).
 */
import { MAX_DOCUMENT_CHARS } from '../../src/review/extractor';
import { storeDump, TestApi, TOKEN_ENV, TOKENS } from '../support/api';
import { expectError } from '../support/expect-error';
import { loadedStore } from '../support/stores';

const TEXT =
  'ASTANA, 5 March 2024. The Ministry of Foreign Affairs of the ' +
  'Republic of Kazakhstan hosted a briefing on the protection of human rights, chaired by Deputy Foreign Minister Roman ' +
  'Vassilenko. Representatives of the Office of the Ombudsman attended the briefing and spoke about the work of the ' +
  'national preventive mechanism.';

describe('ingestDocument with the real extractor (embedded)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(await loadedStore('embedded'), TOKEN_ENV);
  });
  afterAll(async () => {
    await api.stop();
    await api.store.close();
  });

  it('stores the text as given, and proposals whose quotes are in it', async () => {
    const { ingestDocument } = await api.data(
      `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) {
        status source { text } proposals { kind evidence { quote start end } } } }`,
      { input: { title: 'Briefing', text: TEXT } },
      { token: TOKENS.editor },
    );
    const text: string = ingestDocument.source.text;
    expect(text).toBe(TEXT);
    expect(ingestDocument.proposals.length).toBeGreaterThan(0);
    for (const p of ingestDocument.proposals) for (const e of p.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
  });

  const INGEST = `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) {
    status source { text } proposals { kind evidence { quote start end } } } }`;

  it('refuses a document over the size limit before extracting, saying how to split it, and files nothing', async () => {
    const before = await storeDump(api.store);
    const text = `${TEXT} `.repeat(Math.ceil((MAX_DOCUMENT_CHARS + 1) / (TEXT.length + 1)));
    const result = await api.run(INGEST, { input: { title: 'Too long', text } }, { token: TOKENS.editor });
    expectError(result, 'BAD_USER_INPUT', /has [\d,]+ characters; ingestDocument takes at most 200,000\. Split it/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: 'input.text', length: text.length, limit: MAX_DOCUMENT_CHARS });
    expect(await storeDump(api.store)).toBe(before);
  });

  it('reads the prose around a 100,000-character run without spaces (which the sentence model takes in quadratic time)', async () => {
    const text = `${TEXT}\n\nAppendix: ${'aB1-'.repeat(25_000)} end.\n\n${TEXT.replace('5 March', '6 March')}`;
    const { ingestDocument } = await api.data(INGEST, { input: { title: 'With an appendix', text } }, { token: TOKENS.editor });
    expect(ingestDocument.source.text).toBe(text);
    const quotes = ingestDocument.proposals.flatMap((p: { evidence: { quote: string; start: number; end: number }[] }) => p.evidence);
    expect(quotes.length).toBeGreaterThan(0);
    for (const e of quotes) {
      expect(text.slice(e.start, e.end)).toBe(e.quote);
      expect(e.quote.length).toBeLessThan(1_000);
    }
  });
});
