import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';
import { launchChromium } from '../support/chromium';
import {
  describeExplorer,
  drawnEntities,
  followedMarks,
  followedQuote,
  mainHeading,
  MEETING,
  MEETING_ID,
  OHCHR,
  openPage,
  quoteOf,
  SOURCE_ID,
  sourceTitle,
  typeSearch,
  waitForHeading,
  waitForLoaded,
  type RecordedPage,
} from '../support/explorer-browser';
import { STORE_KINDS, describeStore, loadedStore } from '../support/stores';

/**
 * The explorer as a journalist meets it: the real server on the seed graph, headless Chromium,
 * elements found by role and accessible name (so the accessibility contract is what is tested).
 * The same stories on both stores; each test ends with no console error and no request off the
 * server's origin (off-origin requests are refused, as with the network cable out).
 */

describeExplorer('the explorer in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const kind of STORE_KINDS) {
    describeStore(kind, () => {
      let app: RunningApp;
      let tab: RecordedPage | undefined;
      beforeAll(async () => {
        app = await startApp(testConfig(), silentLogger, await loadedStore(kind));
      }, 60_000);
      afterAll(async () => {
        await app?.stop();
      });
      afterEach(async () => {
        await tab?.close();
        tab = undefined;
      });
      const open = async (path: string): Promise<RecordedPage> => {
        tab = await openPage(browser, app.url);
        await tab.page.goto(`${app.url}${path}`);
        return tab;
      };

      it('search "Zhakaev" -> he spoke at the concluding meeting, with the quote -> the quote highlighted in its source', async () => {
        const quote = quoteOf('rel-b-zhakaev-spoke-at-dphd-cab-concluding-meeting-2023');
        const { page, expectClean } = await open('/');
        // By keyboard: the list opens as one types, ArrowDown makes the first suggestion active.
        const option = await typeSearch(page, 'Zhakaev', /^B\. Zhakaev/);
        await page.keyboard.press('ArrowDown');
        expect(await option.getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('Enter');
        await waitForHeading(page, 'B. Zhakaev');
        expect(new URL(page.url()).pathname).toBe('/entity/b-zhakaev');

        const spoke = page.getByRole('region', { name: /^Spoke at/ });
        await spoke.getByRole('link', { name: MEETING }).waitFor();
        const evidence = spoke.getByRole('blockquote');
        expect(normalise(await evidence.textContent())).toBe(`“${quote}”`);

        await evidence.getByRole('link').click();
        await waitForHeading(page, sourceTitle());
        expect(new URL(page.url()).pathname).toBe(`/source/${SOURCE_ID}`);
        expect(await followedQuote(page)).toEqual({ text: quote, focused: true, inView: true });
        expectClean();
      }, 60_000);

      it('acceptance: "Р. Vassilenko" (Cyrillic Р) -> chaired the meeting, quote highlighted in the press release -> his network, the meeting expanded', async () => {
        const quote = quoteOf('rel-roman-vassilenko-chaired-dphd-cab-concluding-meeting-2023');
        const { page, expectClean } = await open('/');
        await (await typeSearch(page, '\u0420. Vassilenko', /^Roman Vassilenko/)).click();
        await waitForHeading(page, 'Roman Vassilenko');

        const chaired = page.getByRole('region', { name: /^Chaired/ });
        await chaired.getByRole('link', { name: MEETING }).waitFor();
        const evidence = chaired.getByRole('blockquote');
        expect(normalise(await evidence.textContent())).toBe(`“${quote}”`);
        await evidence.getByRole('link').click();
        await waitForHeading(page, sourceTitle());
        expect(await followedQuote(page)).toEqual({ text: quote, focused: true, inView: true });

        await page.goBack();
        await waitForHeading(page, 'Roman Vassilenko');
        await page.getByRole('link', { name: 'Draw network' }).click();
        await waitForHeading(page, 'Network of Roman Vassilenko');
        const before = await drawnEntities(page);
        const after = await expandFromList(page, MEETING, before);
        expect(after).toBeGreaterThan(before);
        expect(new URL(page.url()).searchParams.get('expand')).toBe(MEETING_ID);
        expectClean();
      }, 60_000);

      it('the path between the OHCHR and B. Zhakaev, each step with its quote', async () => {
        const { page, expectClean } = await open('/path');
        await waitForHeading(page, 'How are they connected?');
        await pick(page, 'From', 'OHCHR', OHCHR);
        await pick(page, 'To', 'Zhakaev', /^B\. Zhakaev/);
        await waitForHeading(page, `How is ${OHCHR} connected to B. Zhakaev?`);
        const url = new URL(page.url());
        expect([url.pathname, url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['/path', 'ohchr', 'b-zhakaev']);

        await page.getByRole('status').filter({ hasText: /shortest path/ }).waitFor();
        const path = page.getByRole('region', { name: /^Path 1:/ });
        expect(normalise(await path.getByRole('heading').first().textContent())).toMatch(
          new RegExp(`^Path 1: ${escape(OHCHR)} → Concluding meeting .* → B\\. Zhakaev$`),
        );
        const steps = path.getByRole('listitem');
        expect(await steps.count()).toBe(2);
        for (const step of await steps.all()) expect(await step.getByRole('blockquote').count()).toBeGreaterThan(0);
        await page.getByRole('img', { name: /^Drawing of the paths? from/ }).waitFor();
        expectClean();
      }, 60_000);

      it('deep links reload to the same view', async () => {
        const { page, expectClean } = await open('/');
        const links = [
          `/entity/${MEETING_ID}?tab=participants`,
          `/entity/roman-vassilenko?tab=timeline`,
          `/source/${SOURCE_ID}?start=0&end=4`,
          '/path?from=ohchr&to=b-zhakaev',
          `/network/roman-vassilenko?depth=2&types=CHAIRED,SPOKE_AT,HOSTED&expand=${MEETING_ID}`,
          '/entity/no-such-entity',
        ];
        for (const link of links) {
          await page.goto(`${app.url}${link}`);
          const first = await viewOf(page);
          await page.reload();
          expect({ link, view: await viewOf(page) }).toEqual({ link, view: first });
          expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(new URL(link, app.url).pathname + new URL(link, app.url).search);
        }

        // State set in the page is in its URL too: a tab picked, a node expanded.
        await page.goto(`${app.url}/entity/b-zhakaev`);
        await waitForHeading(page, 'B. Zhakaev');
        await page.getByRole('tab', { name: 'Timeline' }).click();
        await page.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
        const tabbed = await viewOf(page);
        await page.reload();
        expect(await viewOf(page)).toEqual(tabbed);

        await page.goto(`${app.url}/network/b-zhakaev`);
        await waitForHeading(page, 'Network of B. Zhakaev');
        await expandFromList(page, MEETING, await drawnEntities(page));
        const expanded = await viewOf(page);
        await page.reload();
        expect(await viewOf(page)).toEqual(expanded);
        expectClean();
      }, 90_000);
    });
  }
});

function normalise(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks an entity in one of the path finder's search fields. */
async function pick(page: RecordedPage['page'], field: 'From' | 'To', text: string, name: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).fill(text);
  await page.getByRole('listbox', { name: `${field}: suggestions` }).getByRole('option', { name }).first().click();
}

/**
 * Expands an entity of the network the way a keyboard user can: the drawing as a list, the
 * entity's card, "Expand neighbours". Resolves with the number of entities drawn afterwards.
 */
async function expandFromList(page: RecordedPage['page'], name: RegExp, before: number): Promise<number> {
  const list = page.getByRole('group').filter({ has: page.getByText('The drawing as a list', { exact: true }) });
  if ((await list.getByRole('listitem').count()) === 0) await page.getByText('The drawing as a list', { exact: true }).click();
  await list.getByRole('button', { name }).click();
  const card = page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name });
  await card.getByRole('button', { name: 'Expand neighbours' }).click();
  await card.getByRole('button', { name: 'Neighbours shown' }).waitFor({ timeout: 20_000 });
  await page.getByRole('status').filter({ hasText: /entit(y|ies) added/ }).waitFor();
  await page.waitForFunction(
    (n) => {
      const status = [...(globalThis as any).document.querySelectorAll('[role="status"]')].find((el: any) => / drawn\./.test(el.textContent));
      return status !== undefined && Number(/^(\d+)/.exec(status.textContent)?.[1]) > n;
    },
    before,
    { timeout: 20_000 },
  );
  return drawnEntities(page);
}

/**
 * What a view shows, as much as a reload must restore: its heading, the selected tab, the counts
 * it states and the quote a link led to.
 */
async function viewOf(page: RecordedPage['page']): Promise<Record<string, unknown>> {
  await mainHeading(page).waitFor({ timeout: 15_000 });
  // Views load in steps (the path finder names both ends, then asks for the paths): settled is no
  // request for half a second and no "Loading …" left.
  await page.waitForLoadState('networkidle');
  await waitForLoaded(page);
  // What one expansion added is news of the moment, not part of the view.
  const statuses = page.getByRole('status').filter({ hasText: /\d/ }).filter({ hasNotText: /added/ });
  const drawn = page.getByRole('status').filter({ hasText: / drawn\./ });
  if (new URL(page.url()).pathname.startsWith('/network/')) await drawn.waitFor({ timeout: 20_000 });
  const followed = followedMarks(page);
  return {
    heading: normalise(await mainHeading(page).textContent()),
    tab: (await page.getByRole('tab', { selected: true }).count()) === 0 ? null : normalise(await page.getByRole('tab', { selected: true }).textContent()),
    statuses: (await statuses.allTextContents()).map(normalise),
    alerts: (await page.getByRole('alert').allTextContents()).map(normalise),
    followed: (await followed.count()) === 0 ? null : (await followedQuote(page)).text,
  };
}
