import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { chromiumPath } from './chromium';
import { seedBatch } from './stores';

/**
 * The explorer in a real browser, as its e2e suites share it: a page that records every console
 * error and every request, refuses requests to any other origin (the network cable is out), and
 * helpers to wait for what a reader waits for. Page functions run in Chromium, where the test's
 * tsconfig has no DOM types, hence `globalThis as any` inside them.
 */

/** The explorer bundle the server serves (scripts/build-web.mjs). */
const MANIFEST = join(projectRoot(), 'dist', 'explorer', 'manifest.json');

/** The seed graph's founding source, its concluding meeting and an observer of it. */
export const SOURCE_ID = 'kazmfa-2023-12-14-dphd-cab-concluding-meeting';
export const MEETING_ID = 'dphd-cab-concluding-meeting-2023';
export const MEETING = /^Concluding meeting of the Consultative and Advisory Body/;
export const OHCHR = 'Office of the United Nations High Commissioner for Human Rights';

/** The seed's first piece of evidence for a relationship, so tests follow the data rather than repeat it. */
export function evidenceOf(relationshipId: string): { quote: string; start: number; end: number } {
  const evidence = seedBatch().relationships.find((r) => r.id === relationshipId)?.evidence[0];
  if (evidence === undefined) throw new Error(`the seed has no quoted relationship ${relationshipId}`);
  return evidence;
}

export function quoteOf(relationshipId: string): string {
  return evidenceOf(relationshipId).quote;
}

export function sourceTitle(): string {
  const source = seedBatch().sources.find((s) => s.id === SOURCE_ID);
  if (source === undefined) throw new Error(`the seed has no source ${SOURCE_ID}`);
  return source.title;
}

/** The desktop width the explorer is designed for, and a common phone's. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Skips the suite (with how to enable it) unless Chromium and the built bundle are there; in CI, runs it and fails. */
export function describeExplorer(title: string, fn: () => void): void {
  const missing = [
    ...(chromiumPath() === null ? ['/usr/bin/chromium (apt-get install chromium)'] : []),
    ...(existsSync(MANIFEST) ? [] : ['the explorer bundle (npm run build:web)']),
  ];
  if (missing.length === 0 || process.env.CI === 'true') describe(title, fn);
  else describe.skip(`${title} (skipped: needs ${missing.join(' and ')})`, fn);
}

/** A page of the explorer with what it did recorded. */
export interface RecordedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, uncaught exceptions and failed same-origin requests, in order. */
  readonly errors: string[];
  /** Every request the page made, as URLs. */
  readonly requests: string[];
  /** Requests that left the server's origin (each was refused). */
  offOrigin(): string[];
  /** The two checks every explorer test ends with: no console error, nothing fetched from elsewhere. */
  expectClean(): void;
  close(): Promise<void>;
}

/** `blob:` and `data:` URLs are made in the page (the PNG export, the empty favicon): no network. */
const LOCAL_SCHEME = /^(data|blob):/;

/** Opens a fresh context (no shared cache or storage) on `origin`; off-origin requests are aborted. */
export async function openPage(browser: Browser, origin: string, viewport: { width: number; height: number } = DESKTOP): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  const requests: string[] = [];
  const sameOrigin = (url: string): boolean => LOCAL_SCHEME.test(url) || new URL(url).origin === origin;
  // As if the cable were out: whatever leaves the origin fails, and is reported below.
  await context.route((url) => !sameOrigin(url.href), (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // An aborted GraphQL request is a superseded search or a view left early, which the app does on purpose.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (sameOrigin(request.url()) && !aborted) errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  const offOrigin = (): string[] => requests.filter((url) => !sameOrigin(url));
  return {
    page,
    context,
    errors,
    requests,
    offOrigin,
    expectClean() {
      expect({ consoleErrors: errors, offOriginRequests: offOrigin() }).toEqual({ consoleErrors: [], offOriginRequests: [] });
      expect(requests.length).toBeGreaterThan(0);
    },
    close: () => context.close(),
  };
}

/** The page's level-1 heading. */
export function mainHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** Waits until the page's h1 reads `name` (a string is matched whole). */
export async function waitForHeading(page: Page, name: string | RegExp, timeout = 15_000): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor({ timeout });
}

/** The site search in the header. */
export function siteSearch(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Search', exact: true });
}

/** Types `text` into the site search and waits for its suggestions to include `expected`. */
export async function typeSearch(page: Page, text: string, expected: string | RegExp): Promise<Locator> {
  const field = siteSearch(page);
  await field.click();
  await field.pressSequentially(text, { delay: 20 });
  const option = page.getByRole('listbox', { name: 'Search: suggestions' }).getByRole('option', { name: expected });
  await option.first().waitFor({ timeout: 15_000 });
  return option.first();
}

/** Waits until no "Loading …" status remains in the page. */
export async function waitForLoaded(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => ![...(globalThis as any).document.querySelectorAll('[role="status"]')].some((el: any) => /^Loading /.test(el.textContent ?? '')),
    undefined,
    { timeout },
  );
}

/** The width the document lays out to: more than the viewport means a sideways scroll. */
export function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
}

/** How many entities the network view says it has drawn ("12 entities and 15 relationships drawn"). */
export async function drawnEntities(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /entit(y|ies) and .* drawn/ });
  await status.waitFor({ timeout: 20_000 });
  const text = (await status.textContent()) ?? '';
  const match = /^(\d+) entit/.exec(text.trim());
  if (match === null) throw new Error(`expected "<n> entities … drawn", got ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/**
 * The `<mark>`s of the quote a link led to (one, or several where another quote crosses it).
 * ARIA 1.3's `mark` role is in Playwright's engine but not yet in its types, hence the cast.
 */
export function followedMarks(page: Page): Locator {
  return page.getByRole('mark' as Parameters<Page['getByRole']>[0]).and(page.getByTitle('The quote you followed', { exact: true }));
}

/** The quote a link led to on a source page: its marked text (without the footnote numbers), and whether it has the focus and is in view. */
export async function followedQuote(page: Page): Promise<{ text: string; focused: boolean; inView: boolean }> {
  const pieces = followedMarks(page);
  await pieces.first().waitFor({ timeout: 15_000 });
  return pieces.first().evaluate((first: any) => {
    const doc = (globalThis as any).document;
    const text = [...doc.querySelectorAll('mark[title="The quote you followed"]')]
      .filter((mark: any) => mark.parentElement?.closest('mark[title="The quote you followed"]') == null)
      .map((mark: any) => {
        const copy = mark.cloneNode(true);
        for (const ref of copy.querySelectorAll('sup')) ref.remove();
        return copy.textContent as string;
      })
      .join('');
    const box = first.getBoundingClientRect();
    const win = globalThis as any;
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      focused: doc.activeElement === first,
      inView: box.top >= 0 && box.bottom <= win.innerHeight && box.height > 0,
    };
  });
}
