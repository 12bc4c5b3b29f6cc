import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';
import { expectNoSeriousAxeViolations } from '../support/axe';
import { launchChromium } from '../support/chromium';
import { describeExplorer, documentWidth, openPage, PHONE, waitForHeading, waitForLoaded, type RecordedPage } from '../support/explorer-browser';
import { loadedStore } from '../support/stores';

/**
 * The review screen as an editor meets it: a composed meeting report filed through GraphQL with
 * the real extractor, then reviewed in the browser (sign in with the token, the quotes marked in
 * the text, accept all high-confidence, reject one with a reason) and the accepted facts on the
 * entity pages with their quotes. Embedded store, seed graph.
 */

const EDITOR_SECRET = 'editor-secret-0123456789';
const TITLE = 'Spring meeting of the Consultative and Advisory Body';
const TEXT =
  'On 12 March 2024 the Consultative and Advisory Body on Democracy held its spring meeting in Astana. ' +
  'Deputy Foreign Minister Roman Vassilenko chaired the meeting. ' +
  'Dana Temirbekova, Director of the Civic Rights Centre, spoke at the meeting. ' +
  'Representatives of the Office of the United Nations High Commissioner for Human Rights attended the meeting.';
const CHAIR_QUOTE = 'Roman Vassilenko chaired the meeting';
const SPEAKER_QUOTE = 'Dana Temirbekova, Director of the Civic Rights Centre, spoke at the meeting';

const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { id proposals { id kind status entity { name kind } relationship { type confidence } evidence { quote } } }
}`;

interface FiledProposal {
  id: string;
  kind: string;
  status: string;
  entity: { name: string; kind: string } | null;
  relationship: { type: string; confidence: string } | null;
  evidence: { quote: string }[];
}

const normalise = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Signs in on /review with the editor token, then opens one ingestion and waits for it to load. */
async function openIngestion(page: RecordedPage['page'], origin: string, id: string, title: string): Promise<void> {
  await page.goto(`${origin}/review`);
  await page.getByLabel('Editor token').fill(EDITOR_SECRET);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto(`${origin}/review/${id}`);
  await waitForHeading(page, title);
  await waitForLoaded(page);
}

describeExplorer('the review screen in a real browser', () => {
  let browser: Browser;
  let app: RunningApp;
  let tab: RecordedPage | undefined;
  let ingestionId: string;
  let proposals: FiledProposal[];

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startApp(testConfig({ API_TOKENS: `ed:EDITOR:${EDITOR_SECRET}` }), silentLogger, await loadedStore('embedded'));
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_SECRET}` },
      body: JSON.stringify({ query: INGEST, variables: { input: { title: TITLE, text: TEXT, publishedAt: '2024-03-12' } } }),
    });
    const body = (await res.json()) as { data?: { ingestDocument: { id: string; proposals: FiledProposal[] } }; errors?: unknown };
    if (body.data === undefined) throw new Error(`ingestDocument failed: ${JSON.stringify(body.errors)}`);
    ingestionId = body.data.ingestDocument.id;
    proposals = body.data.ingestDocument.proposals;
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });
  afterEach(async () => {
    await tab?.close();
    tab = undefined;
  });

  it('asks for an editor token, then lists the ingestion; its page marks every quote and passes axe', async () => {
    tab = await openPage(browser, app.url);
    const { page } = tab;
    await page.goto(`${app.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await waitForHeading(page, 'Review queue');
    // The refusal is an answer of the API shown in the page, not a console error.
    await page.getByRole('alert').filter({ hasText: /sign in with an editor token/ }).waitFor();
    await page.getByLabel('Editor token').fill(EDITOR_SECRET);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('rightsgraph.editorToken'))).toBe(EDITOR_SECRET);
    expect(await page.evaluate(() => (globalThis as any).localStorage.length)).toBe(0);
    const link = page.getByRole('link', { name: TITLE });
    await link.waitFor();
    await expectNoSeriousAxeViolations(page, '/review');
    await link.click();
    await waitForHeading(page, TITLE);
    await waitForLoaded(page);
    expect(new URL(page.url()).pathname).toBe(`/review/${ingestionId}`);

    const text = page.getByRole('region', { name: 'Text of the document' });
    const marks = text.locator('mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(5);
    // One numbered mark per distinct span; a span's mark reads its quote (footnote numbers aside).
    const spans = new Set(proposals.flatMap((p) => p.evidence.map((e) => e.quote)));
    expect(await text.locator('mark[id^="proposal-span-"]').count()).toBe(spans.size);
    const markTexts = await marks.evaluateAll((all: any[]) =>
      all.map((mark) => {
        const copy = mark.cloneNode(true);
        for (const ref of copy.querySelectorAll('sup')) ref.remove();
        return (copy.textContent as string).replace(/\s+/g, ' ').trim();
      }),
    );
    expect(markTexts).toContain(SPEAKER_QUOTE);
    expect(markTexts).toContain('Roman Vassilenko');
    for (const group of ['Event', 'People', 'Organizations', 'Facts']) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${group} \\(`) }).waitFor();
    }
    // Roman Vassilenko is already in the graph: the proposal says so.
    const vassilenko = page.getByRole('article', { name: 'Roman Vassilenko', exact: true });
    expect(await vassilenko.getByRole('link', { name: 'Roman Vassilenko' }).getAttribute('href')).toBe('/entity/roman-vassilenko');
    await expectNoSeriousAxeViolations(page, '/review/<id>');
    tab.expectClean();
  }, 90_000);

  it('accept all high-confidence -> the event page shows the existing Roman Vassilenko as chair, with the quote; rejects one with a reason', async () => {
    tab = await openPage(browser, app.url);
    const { page, expectClean } = tab;
    await openIngestion(page, app.url, ingestionId, TITLE);

    // A proposal no high-confidence fact needs: rejected, with a reason asked for.
    const medium = proposals.find((p) => p.relationship !== null && p.relationship.confidence !== 'HIGH');
    if (medium === undefined) throw new Error(`expected a proposal below high confidence among ${JSON.stringify(proposals)}`);
    const card = page.locator(`[id="proposal-${medium.id}"]`);
    await card.getByRole('button', { name: 'Reject' }).click();
    const reason = card.getByLabel('Reason for rejecting');
    expect(await reason.evaluate((el: any) => el === (globalThis as any).document.activeElement)).toBe(true);
    await reason.fill('Already in the graph');
    await card.getByRole('button', { name: 'Confirm rejection' }).click();
    await page.getByRole('status').filter({ hasText: /^Rejected/ }).waitFor();
    await card.getByText('Reason: Already in the graph').waitFor();

    const acceptAll = page.getByRole('button', { name: /^Accept all high-confidence/ });
    await acceptAll.click();
    const status = page.getByRole('status').filter({ hasText: /^Accepted \d+ high-confidence/ });
    await status.waitFor();
    expect(await status.evaluate((el: any) => el === (globalThis as any).document.activeElement)).toBe(true);

    const accepted = page.getByRole('region', { name: 'Accepted entities' });
    await accepted.getByRole('link', { name: 'Roman Vassilenko' }).waitFor();
    const event = proposals.find((p) => p.entity?.kind === 'EVENT');
    if (event === undefined) throw new Error('expected an event proposal');
    await accepted.getByRole('link', { name: event.entity?.name }).click();
    await waitForHeading(page, event.entity?.name ?? '');
    const chairRow = page.getByRole('row', { name: /Roman Vassilenko/ });
    await chairRow.waitFor();
    expect(await chairRow.getByRole('link', { name: 'Roman Vassilenko', exact: true }).getAttribute('href')).toBe('/entity/roman-vassilenko');
    expect(normalise(await chairRow.getByRole('blockquote').textContent())).toContain(CHAIR_QUOTE);
    // Not a duplicate: the search finds one Roman Vassilenko.
    const search = (await (
      await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "Roman Vassilenko") { edges { node { id name kind } } } }' }),
      })
    ).json()) as { data: { search: { edges: { node: { id: string; name: string; kind: string } }[] } } };
    expect(search.data.search.edges.filter((e) => e.node.kind === 'PERSON' && e.node.name === 'Roman Vassilenko').map((e) => e.node.id)).toEqual(['roman-vassilenko']);
    expectClean();
  }, 90_000);

  it('the Edit form: renames a new person, changes a fact\'s role, chooses the organization of a position; accepted, they show on the person\'s page', async () => {
    // A document of its own, so the proposals the other tests review stay as they are.
    const title = 'Working session of the Consultative and Advisory Body';
    const text =
      'On 20 April 2024 the Consultative and Advisory Body on Democracy held a working session in Astana. ' +
      'Ambassador Aigerim Nurlanova spoke at the session. ' +
      'Deputy Foreign Minister Roman Vassilenko chaired the session.';
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_SECRET}` },
      body: JSON.stringify({ query: INGEST, variables: { input: { title, text, publishedAt: '2024-04-20' } } }),
    });
    const body = (await res.json()) as { data?: { ingestDocument: { id: string } }; errors?: unknown };
    if (body.data === undefined) throw new Error(`ingestDocument failed: ${JSON.stringify(body.errors)}`);
    const id = body.data.ingestDocument.id;

    tab = await openPage(browser, app.url);
    const { page, expectClean } = tab;
    await openIngestion(page, app.url, id, title);
    const saved = page.getByRole('status').filter({ hasText: /^Saved the changes to / });

    // (1) The new person, renamed: the card and the facts that name her read the new name.
    const newName = 'Aigerim Nurlanova-Sadykova';
    const person = page.getByRole('article', { name: 'Aigerim Nurlanova', exact: true });
    await person.getByRole('button', { name: 'Edit' }).click();
    const nameField = person.getByRole('textbox', { name: 'Name' });
    expect(await nameField.evaluate((el: any) => el === (globalThis as any).document.activeElement)).toBe(true);
    await nameField.fill(newName);
    await person.getByRole('button', { name: 'Save' }).click();
    await saved.waitFor();
    const renamed = page.getByRole('article', { name: newName, exact: true });
    await renamed.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await page.getByRole('article', { name: 'Aigerim Nurlanova', exact: true }).count()).toBe(0);
    const facts = page.getByRole('region', { name: /^Facts \(/ });
    await facts.getByRole('article', { name: new RegExp(`^${newName} spoke at`) }).waitFor();

    // (2) A fact's role changed: the card's summary says so.
    const spoke = facts.getByRole('article', { name: new RegExp(`^${newName} spoke at .* as Ambassador$`) });
    await spoke.getByRole('button', { name: 'Edit' }).click();
    expect(await spoke.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('SPOKE_AT');
    await spoke.getByRole('textbox', { name: 'Role' }).fill('Special Envoy');
    await spoke.getByRole('button', { name: 'Save' }).click();
    await saved.waitFor();
    await facts.getByRole('article', { name: new RegExp(`^${newName} spoke at .* as Special Envoy$`) }).waitFor();

    // (3) A position with no organization named: it cannot be accepted until one is chosen.
    const position = facts.getByRole('article', { name: new RegExp(`^${newName} holds the position of Ambassador at an organization not named`) });
    await position.getByText('The organization is not named: choose one with Edit before accepting.').waitFor();
    expect(await position.getByRole('button', { name: 'Accept' }).isDisabled()).toBe(true);
    await position.getByRole('button', { name: 'Edit' }).click();
    const org = position.getByRole('group', { name: 'Organization' });
    const picker = org.getByRole('combobox', { name: 'Or an existing organization' });
    await picker.click();
    await picker.pressSequentially('Ministry of Foreign Affairs', { delay: 20 });
    const ministry = 'Ministry of Foreign Affairs of the Republic of Kazakhstan';
    await org.getByRole('listbox', { name: 'Or an existing organization: suggestions' }).getByRole('option', { name: new RegExp(`^${ministry}`) }).first().click();
    await org.getByText(`Chosen: ${ministry}`).waitFor();
    await position.getByRole('button', { name: 'Save' }).click();
    await saved.waitFor();
    const placed = facts.getByRole('article', { name: `${newName} holds the position of Ambassador at ${ministry}` });
    await placed.getByRole('link', { name: ministry }).waitFor();
    await placed.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').filter({ hasText: /^Accepted / }).waitFor();
    await placed.getByText('Accepted', { exact: true }).waitFor();

    // Accepting the fact accepted the person it needs, under the new name.
    await renamed.getByText('Accepted', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Accepted entities' }).getByRole('link', { name: newName, exact: true }).waitFor();
    const speaker = facts.getByRole('article', { name: new RegExp(`^${newName} spoke at .* as Special Envoy$`) });
    await speaker.getByRole('button', { name: 'Accept' }).click();
    await speaker.getByText('Accepted', { exact: true }).waitFor();
    // Her page: the new name, the position at the chosen organization, the new role.
    await renamed.getByRole('link', { name: `Open ${newName}’s page` }).click();
    await waitForHeading(page, newName);
    await waitForLoaded(page);
    const held = page.getByRole('region', { name: /^Holds position \(/ });
    await held.getByRole('link', { name: ministry, exact: true }).waitFor();
    expect(normalise(await held.locator('.sentence').first().textContent())).toContain('Ambassador');
    const spokeAt = page.getByRole('region', { name: /^Spoke at \(/ });
    expect(normalise(await spokeAt.locator('.sentence').first().textContent())).toContain('Special Envoy');
    expect(await page.getByText('Aigerim Nurlanova', { exact: true }).count()).toBe(0);
    expectClean();
  }, 90_000);

  it('reads at 390 px without a sideways scroll; sign out forgets the token', async () => {
    tab = await openPage(browser, app.url, PHONE);
    const { page, expectClean } = tab;
    await openIngestion(page, app.url, ingestionId, TITLE);
    expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('rightsgraph.editorToken'))).toBeNull();
    await page.getByLabel('Editor token').waitFor();
    expectClean();
  }, 90_000);
});
