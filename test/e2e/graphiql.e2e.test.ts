/**
 * GraphiQL at GET /graphql: content negotiation over plain HTTP, then the real page in headless
 * Chromium, asserting that it renders, runs queries, and never fetches from another origin.
 * The schema is a stand-in: this suite is about the IDE page, not the domain.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { buildSchema } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { registerIde } from '../../src/http/ide';
import type { IdeExample } from '../../src/http/ide-page';
import { chromiumPath, launchChromium } from '../support/chromium';
import { testTempDir } from '../support/test-tmp';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const ASSETS_DIR = join(ROOT, 'dist', 'ide');
const SCREENSHOT = join(tmpdir(), 'graphiql.png');
const HOSTILE = '</script><script>window.__pwned = true</script><!--';

const EXAMPLES: ReadonlyArray<IdeExample> = [
  { title: 'Say hello', query: 'query Hello {\n  hello\n}\n' },
  {
    title: 'Greet by name',
    query: 'query Greet($name: String!) {\n  greet(name: $name)\n}\n',
    variables: { name: HOSTILE },
  },
  { title: 'Who am I', query: 'query WhoAmI {\n  authorization\n}\n' },
];

const schema = buildSchema(`
  type Query {
    hello: String
    greet(name: String!): String
    authorization: String
  }
`);
const rootValue = {
  hello: () => 'world',
  greet: ({ name }: { name: string }) => `Hello, ${name}`,
  authorization: (_args: unknown, context: { authorization: string | null }) => context.authorization,
};

interface Running {
  url: string;
  host: string;
  close(): Promise<void>;
}

async function startApp(assetsDir?: string): Promise<Running> {
  const apollo = new ApolloServer<{ authorization: string | null }>({
    schema,
    rootValue,
    // Apollo's own landing page loads from a CDN; GraphiQL replaces it.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  // Some tests read only the status of a large answer; closing must not wait for those bodies.
  const app = Fastify({ forceCloseConnections: true });
  const idePage = await registerIde(app, { endpoint: '/graphql', examples: EXAMPLES, assetsDir });
  const handler = fastifyApolloHandler(apollo, {
    context: (request) => Promise.resolve({ authorization: request.headers.authorization ?? null }),
  });
  app.route<{ Reply: string }>({ method: ['GET', 'POST'], url: '/graphql', onRequest: idePage, handler });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = String((app.server.address() as AddressInfo).port);
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    async close() {
      await app.close();
      await apollo.stop();
    },
  };
}

function ensureBundle(): void {
  if (!existsSync(join(ASSETS_DIR, 'graphiql.js')) || !existsSync(join(ASSETS_DIR, 'graphiql.css'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

/**
 * Switches tab and waits until executing would run it: GraphiQL re-reads the operation name 100 ms
 * (debounced) after the editor changes, and until then sends the previous tab's name.
 */
async function openTab(page: Page, index: number, queryText: string): Promise<void> {
  await page.locator('.graphiql-tab').nth(index).locator('.graphiql-tab-button').click();
  await page.locator('.graphiql-query-editor').getByText(queryText).waitFor();
  await page.waitForTimeout(300);
}

describe('GET /graphql content negotiation', () => {
  let app: Running;
  beforeAll(async () => {
    ensureBundle();
    app = await startApp();
  });
  afterAll(() => app.close());

  it('serves the IDE to a browser, with a CSP and the examples safely embedded', async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/Accept/i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    const html = await res.text();
    expect(html).toContain('src="/graphql/ide/graphiql.js"');
    expect(html).toContain('href="/graphql/ide/graphiql.css"');
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('leaves JSON clients and ?query= requests to the GraphQL server', async () => {
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json']) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { accept, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ hello }' }),
      });
      expect(await res.json()).toEqual({ data: { hello: 'world' } });
    }
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ hello }')}`, {
      headers: { accept: 'text/html,*/*;q=0.8', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { hello: 'world' } });
  });

  it('serves the bundle with the right types', async () => {
    const js = await fetch(`${app.url}/graphql/ide/graphiql.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await fetch(`${app.url}/graphql/ide/graphiql.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 503 with the build command when the bundle is missing', async () => {
    const empty = testTempDir('ide-');
    const bare = await startApp(empty);
    try {
      const page = await fetch(`${bare.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:web');
      const js = await fetch(`${bare.url}/graphql/ide/graphiql.js`);
      expect(js.status).toBe(503);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

const executablePath = chromiumPath();
const required = process.env.CI === 'true';
if (executablePath === null && !required) {
  console.log('Skipping the GraphiQL browser test: no /usr/bin/chromium (apt-get install -y chromium).');
}
const describeInBrowser = executablePath === null && !required ? describe.skip : describe;

describeInBrowser('GraphiQL in headless Chromium', () => {
  let app: Running | undefined;
  let host = '';
  let browser: Browser | undefined;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (executablePath === null) {
      throw new Error('CI=true but Chromium is missing at /usr/bin/chromium: run `apt-get install -y chromium`');
    }
    ensureBundle();
    app = await startApp();
    host = app.host;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Chromium reports CSP violations (and failed loads) as console errors.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`http://${host}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor({ state: 'visible' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the server-provided examples as tabs, with the headers editor available', async () => {
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(EXAMPLES.length);
    await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('query Hello');
    await expect(page.getByRole('button', { name: 'Headers' }).isVisible()).resolves.toBe(true);
  });

  it('runs the default query and shows the result', async () => {
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.getByText('"world"').waitFor();
    const text = await response.innerText();
    expect(text).toContain('"hello"');
    expect(text).toContain('"world"');
    await page.screenshot({ path: SCREENSHOT });
  });

  it('passes variables intact and sends headers typed into the headers editor', async () => {
    await openTab(page, 1, 'query Greet');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('Hello, </script>').waitFor();

    await openTab(page, 2, 'query WhoAmI');
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .CodeMirror').last().click();
    // insertText bypasses CodeMirror's bracket auto-closing, so the JSON arrives as written.
    await page.keyboard.insertText('{"Authorization": "Bearer test-token"}');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('Bearer test-token').waitFor();
  });

  it('opens the docs and a dialog under the CSP (dialogs inject inline styles)', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('embedded the config without letting it break out of its script element', async () => {
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await expect(page.evaluate('window.__RIGHTSGRAPH__.examples[1].variables.name')).resolves.toBe(HOSTILE);
  });

  it('loaded nothing from outside the API and broke no CSP rule', () => {
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((url) => new URL(url).host !== host);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
