import { createServer } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app';
import { neo4jStore } from '../../src/open-store';
import { silentLogger, testConfig } from '../support/api';
import { launchChromium } from '../support/chromium';
import {
  describeExplorer,
  drawnEntities,
  followedQuote,
  MEETING,
  openPage,
  siteSearch,
  waitForHeading,
  type RecordedPage,
} from '../support/explorer-browser';

/**
 * The explorer without a mouse, while it loads, and when it cannot answer: keyboard use of the
 * search, the tabs, the lists and the network; "Loading …" states; the messages for an unknown
 * id and for a database that is down. The real server throughout, on the seed graph (and, for
 * the outage, on a Neo4j address where nothing listens).
 */

describeExplorer('the explorer: keyboard, loading and errors', () => {
  let browser: Browser;
  let app: RunningApp;
  let tab: RecordedPage | undefined;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchChromium(), startApp(testConfig(), silentLogger)]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  afterEach(async () => {
    await tab?.close();
    tab = undefined;
  });

  it('works by keyboard alone: search, tabs, the quote in its source, the network', async () => {
    tab = await openPage(browser, app.url);
    const { page } = tab;
    await page.goto(app.url);
    await waitForHeading(page, 'Who did what, and where it says so');
    // The search has the focus on arrival: typing is enough.
    expect(await hasFocus(siteSearch(page))).toBe(true);
    await page.keyboard.type('Zhakaev', { delay: 20 });
    await page.getByRole('option', { name: /^B\. Zhakaev/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'B. Zhakaev');
    // After a navigation in the page, reading starts at the new page's heading.
    expect(await hasFocus(page.getByRole('heading', { level: 1 }))).toBe(true);

    // Tabs: one stop in the tab order, then the arrow keys, Home and End.
    await tabTo(page, page.getByRole('tab', { selected: true }));
    const selected = async (): Promise<[string | null, boolean, string | null]> => {
      const current = page.getByRole('tab', { selected: true });
      return [await current.textContent(), await hasFocus(current), new URL(page.url()).searchParams.get('tab')];
    };
    expect(await selected()).toEqual(['Relationships', true, null]);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toEqual(['Timeline', true, 'timeline']);
    await page.keyboard.press('End');
    expect(await selected()).toEqual(['Met at the same events', true, 'co-participants']);
    await page.keyboard.press('Home');
    expect(await selected()).toEqual(['Relationships', true, 'relationships']);

    // Lists: Tab walks through the relationships to a quote; Enter opens it marked in its source.
    const quote = page.getByRole('region', { name: /^Spoke at/ }).getByRole('blockquote').getByRole('link');
    await quote.waitFor();
    await tabTo(page, quote, 60);
    await page.keyboard.press('Enter');
    await waitForHeading(page, /^Kazakh MFA press release/);
    expect((await followedQuote(page)).focused).toBe(true);

    // The network: its list of entities opens a card, from which the entity expands.
    await page.goto(`${app.url}/network/roman-vassilenko`);
    const before = await drawnEntities(page);
    await tabTo(page, page.getByText('The drawing as a list', { exact: true }), 60);
    await page.keyboard.press('Enter');
    const entry = page.getByRole('group').getByRole('button', { name: MEETING });
    await entry.waitFor();
    await tabTo(page, entry);
    await page.keyboard.press('Enter');
    // The card opens with the focus on its heading; its first action is next.
    const card = page.getByRole('region', { name: MEETING });
    await card.waitFor();
    expect(await hasFocus(card.getByRole('heading'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await hasFocus(card.getByRole('button', { name: 'Expand neighbours' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /entit(y|ies) added/ }).waitFor();
    expect(await drawnEntities(page)).toBeGreaterThan(before);
    tab.expectClean();
  }, 60_000);

  it('says what it is loading, and names an unknown id plainly', async () => {
    tab = await openPage(browser, app.url);
    const { page, context } = tab;
    // A slow server, so the loading states can be seen.
    await context.route(`${app.url}/graphql`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fallback();
    });
    await page.goto(`${app.url}/entity/roman-vassilenko`);
    await page.getByRole('status').filter({ hasText: 'Loading the entity…' }).waitFor();
    await waitForHeading(page, 'Roman Vassilenko');
    await page.goto(`${app.url}/network/roman-vassilenko`);
    await page.getByRole('status').filter({ hasText: /^Loading the network/ }).waitFor();
    await drawnEntities(page);
    await context.unroute(`${app.url}/graphql`);

    const unknown: Array<[string, string, string]> = [
      ['/entity/no-such-entity', 'Entity not available', 'No entity with id “no-such-entity”.'],
      ['/source/no-such-source', 'Source not available', 'No source with id “no-such-source”.'],
      ['/network/no-such-entity', 'Network', 'No entity with id “no-such-entity”.'],
      ['/path?from=no-such-entity&to=ohchr', 'How are they connected?', 'No entity with id “no-such-entity”.'],
    ];
    for (const [path, heading, message] of unknown) {
      await page.goto(`${app.url}${path}`);
      await waitForHeading(page, heading);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect({ path, alert: await alert.textContent() }).toEqual({ path, alert: expect.stringContaining(message) });
      // Trying again cannot help with an unknown id, so it is not offered.
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    }
    tab.expectClean();
  }, 60_000);

  it('says the database is unavailable, with a way to try again', async () => {
    const down = await startApp(testConfig(), silentLogger, neo4jStore({ uri: `bolt://127.0.0.1:${String(await closedPort())}`, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 1_000 }));
    try {
      tab = await openPage(browser, down.url);
      const { page } = tab;
      const message = 'The database is not reachable right now; try again in a moment.';
      await page.goto(down.url);
      await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 20_000 });

      await siteSearch(page).fill('Vassilenko');
      await page.getByText(message).and(page.locator(':not([role="alert"])')).first().waitFor({ timeout: 20_000 });

      await page.goto(`${down.url}/entity/roman-vassilenko`);
      await waitForHeading(page, 'Entity not available', 20_000);
      expect(await page.getByRole('alert').textContent()).toContain(message);
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
      tab.expectClean();
    } finally {
      await tab?.close();
      tab = undefined;
      await down.stop();
    }
  }, 60_000);
});

async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (globalThis as any).document.activeElement);
}

/** Presses Tab until `target` has the focus; resolves with the number of presses, fails after `max`. */
async function tabTo(page: Page, target: Locator, max = 30): Promise<number> {
  for (let presses = 0; presses <= max; presses += 1) {
    if (await hasFocus(target)) return presses;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => (globalThis as any).document.activeElement?.outerHTML?.slice(0, 200));
  throw new Error(`${String(max)} Tab presses did not reach ${target.toString()}; the focus is on ${String(focused)}`);
}

/** A local port where nothing listens: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return address.port;
}
