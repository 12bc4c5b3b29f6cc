import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Fastify from 'fastify';
import { startApp, type RunningApp } from '../../src/app';
import { EXPLORER_CSP } from '../../src/http/explorer-page';
import { registerExplorer } from '../../src/http/explorer';
import { projectRoot } from '../../src/paths';
import { silentLogger, testConfig } from '../support/api';
import { testTempDir } from '../support/test-tmp';

/**
 * The explorer as the real server serves it, over plain HTTP: the page on `/` and on every deep
 * link, with its CSP; the hashed bundle, cached; and /graphql unchanged (IDE for browsers,
 * GraphQL for clients). What the page does in a browser is another suite's business.
 */
const ROOT = projectRoot();
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function ensureBundle(): void {
  if (!existsSync(join(ROOT, 'dist', 'explorer', 'manifest.json')) || !existsSync(join(ROOT, 'dist', 'ide', 'graphiql.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** The bundle files the page names, e.g. `/explorer/main-ABC123.js`. */
function assetsOf(html: string): { js: string; css: string } {
  const js = /<script type="module" src="(\/explorer\/main-[A-Za-z0-9]+\.js)"><\/script>/.exec(html)?.[1];
  const css = /<link rel="stylesheet" href="(\/explorer\/main-[A-Za-z0-9]+\.css)">/.exec(html)?.[1];
  if (js === undefined || css === undefined) throw new Error(`expected the page to name the bundle, got:\n${html}`);
  return { js, css };
}

describe('the explorer served by the API', () => {
  let app: RunningApp;
  beforeAll(async () => {
    ensureBundle();
    app = await startApp(testConfig(), silentLogger);
  }, 60_000);
  afterAll(() => app?.stop());

  const deepLinks = [
    '/',
    '/entity/roman-vassilenko',
    '/entity/x',
    '/source/kazmfa-2023-12-14-dphd-cab-concluding-meeting?start=246&end=297',
    '/source/x',
    '/path?from=a&to=b',
    '/path',
    '/network/x',
    '/network/roman-vassilenko?depth=2&types=CHAIRED,SPOKE_AT&expand=dphd-cab-concluding-meeting-2023',
    '/review',
    '/review?status=OPEN',
    '/review/x',
  ];

  it.each(deepLinks)('answers %s with the explorer page and its CSP', async (path) => {
    const res = await fetch(`${app.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<div id="app">');
    assetsOf(html);
    // Nothing inline for the CSP to allow, and nothing from elsewhere.
    expect(html).not.toMatch(/<script>|<style|style="|https?:\/\//);
  });

  it('has a strict CSP: nothing from elsewhere, nothing inline, only this server to talk to', () => {
    const directives = Object.fromEntries(EXPLORER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'font-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
  });

  it('serves the bundle it names, cached for a year and revalidated by ETag', async () => {
    const { js, css } = assetsOf(await (await fetch(`${app.url}/`)).text());
    for (const [path, type] of [
      [js, 'text/javascript; charset=utf-8'],
      [css, 'text/css; charset=utf-8'],
    ] as const) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await res.text();
      expect(body.length).toBeGreaterThan(1000);
      const etag = res.headers.get('etag');
      expect(etag).toBeTruthy();
      const again = await fetch(`${app.url}${path}`, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
    }
  });

  it('serves nothing else: unknown pages, other files and paths outside the bundle are 404', async () => {
    for (const path of ['/nowhere', '/entity', '/entity/a/b', '/explorer/manifest.json', '/explorer/main-NOPE.js', '/explorer/..%2F..%2Fpackage.json']) {
      const res = await fetch(`${app.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('leaves /graphql as it was: the IDE for browsers, GraphQL for clients', async () => {
    const ide = await fetch(`${app.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain('/graphql/ide/graphiql.js');
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ search(query: "Р. Vassilenko", first: 1) { edges { node { id } } } }' }),
    });
    expect(await res.json()).toEqual({ data: { search: { edges: [{ node: { id: 'roman-vassilenko' } }] } } });
  });
});

describe('the explorer before its bundle is built', () => {
  it('answers 503 with the command that builds it', async () => {
    const empty = testTempDir('explorer-');
    const app = Fastify();
    registerExplorer(app, { assetsDir: empty });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
      const res = await fetch(`${url}/entity/x`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
    } finally {
      await app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
