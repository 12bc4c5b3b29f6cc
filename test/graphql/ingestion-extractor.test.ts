/**
 * ingestDocument with src/ingest's own extractor (no fixed extraction). TEXT only: the HTML reader's
 * DOM library (linkedom) is ESM that jest's CommonJS runtime cannot load yet (see the hand-over notes).
 */
import { TestApi, TOKEN_ENV, TOKENS } from '../support/api';
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
});
