import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { EXPLORER_CSP } from '../../src/http/explorer-page';
import { GRAPHQL_PATH } from '../../src/http/graphql';
import { IDE_EXAMPLES } from '../../src/http/ide-examples';
import { renderIdePage } from '../../src/http/ide-page';
import { projectRoot } from '../../src/paths';
import { silentLogger, testConfig } from '../support/api';

/**
 * helmet's security headers on every route of the real server; its default Content-Security-Policy
 * on the JSON routes and files, while the IDE and the explorer pages keep their own stricter ones
 * (their browser suites show those pages still work under them).
 */
const ROOT = projectRoot();
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The pages are only served from a built bundle. */
function ensureBundle(): void {
  if (!existsSync(join(ROOT, 'dist', 'explorer', 'manifest.json')) || !existsSync(join(ROOT, 'dist', 'ide', 'graphiql.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Headers helmet sets everywhere, whatever the route's own Content-Security-Policy. */
const EVERYWHERE = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function expectHelmet(res: Response): void {
  for (const [name, value] of Object.entries(EVERYWHERE)) expect([name, res.headers.get(name)]).toEqual([name, value]);
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  let app: RunningApp;
  beforeAll(async () => {
    ensureBundle();
    app = await startApp(testConfig({ RATE_LIMIT_READS_PER_MINUTE: '2' }), silentLogger);
  }, 120_000);
  afterAll(() => app?.stop());

  const post = (body: string): Promise<Response> =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('puts helmet\'s headers and its default CSP on every JSON route and file, errors included', async () => {
    const query = JSON.stringify({ query: '{ entity(id: "roman-vassilenko") { name } }' });
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'explorer', 'manifest.json'), 'utf8'));
    const answers: Array<[string, Response]> = [
      ['GET /health', await fetch(`${app.url}/health`)],
      ['GET /ready', await fetch(`${app.url}/ready`)],
      ['GET /metrics', await fetch(`${app.url}/metrics`)],
      ['POST /graphql', await post(query)],
      ['GET /graphql?query=', await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } })],
      ['malformed JSON', await post('{')],
      ['over the body limit', await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1024 * 1024)}` }))],
      // Bodies refused before they parse are not counted: this is the third read.
      ['rate limited', await post(query)],
      ['GET /nowhere', await fetch(`${app.url}/nowhere`)],
      ['the IDE bundle', await fetch(`${app.url}/graphql/ide/graphiql.js`)],
      ['the explorer bundle', await fetch(`${app.url}/explorer/${manifest.js}`)],
    ];
    expect(answers.map(([what, res]) => [what, res.status])).toEqual([
      ['GET /health', 200],
      ['GET /ready', 200],
      ['GET /metrics', 200],
      ['POST /graphql', 200],
      ['GET /graphql?query=', 200],
      ['malformed JSON', 400],
      ['over the body limit', 413],
      ['rate limited', 429],
      ['GET /nowhere', 404],
      ['the IDE bundle', 200],
      ['the explorer bundle', 200],
    ]);
    const policies = new Set<string | null>();
    for (const [, res] of answers) {
      expectHelmet(res);
      policies.add(res.headers.get('content-security-policy'));
    }
    expect(policies.size).toBe(1);
    const [policy] = [...policies];
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "script-src 'self'", "base-uri 'self'"]) {
      expect(policy).toContain(directive);
    }
  });

  it('keeps the IDE page\'s own CSP, one policy and not helmet\'s', async () => {
    const res = await fetch(`${app.url}${GRAPHQL_PATH}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // fetch joins repeated headers with ", ": equality also says there is only one.
    expect(res.headers.get('content-security-policy')).toBe(renderIdePage(GRAPHQL_PATH, IDE_EXAMPLES).headers['content-security-policy']);
    expectHelmet(res);
  });

  it.each(['/', '/entity/roman-vassilenko', '/review'])('keeps the explorer page\'s own CSP on %s', async (path) => {
    const res = await fetch(`${app.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expectHelmet(res);
  });
});
