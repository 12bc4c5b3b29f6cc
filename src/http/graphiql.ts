import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';

export interface GraphiqlExample {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphiqlRouterOptions {
  /** Path of the GraphQL endpoint, e.g. `/graphql`; the IDE is served on GET of the same path. */
  endpoint: string;
  /** Opened as tabs the first time a browser visits the IDE. */
  examples: ReadonlyArray<GraphiqlExample>;
  /** Where `graphiql.js` and `graphiql.css` are; defaults to `<project root>/dist/ide`. */
  assetsDir?: string | undefined;
}

const ASSETS = {
  'graphiql.js': 'text/javascript; charset=utf-8',
  'graphiql.css': 'text/css; charset=utf-8',
} as const;
type AssetName = keyof typeof ASSETS;

const NOT_BUILT = 'The GraphiQL bundle has not been built: run `npm run build:ide`, then reload.\n';

/**
 * Serves GraphiQL at GET `endpoint` to browsers, and its bundle under `endpoint/ide/`. Requests
 * that do not prefer HTML, or that carry a `query` parameter, fall through to the GraphQL server.
 * Mount it before the GraphQL middleware.
 */
export function graphiqlRouter(opts: GraphiqlRouterOptions): Router {
  const { endpoint, examples } = opts;
  if (!endpoint.startsWith('/') || endpoint.length < 2 || endpoint.endsWith('/')) {
    throw new Error(`graphiqlRouter: expected an endpoint path like "/graphql", got "${endpoint}"`);
  }
  const assetsDir = opts.assetsDir ?? join(projectRoot(), 'dist', 'ide');
  const router = Router();

  // Express 5 forwards a rejected promise to the error handler.
  router.get(endpoint, async (req: Request, res: Response, next: NextFunction) => {
    // The same URL answers JSON or HTML, so caches must key on Accept.
    res.vary('Accept');
    if (!wantsIde(req)) {
      next();
      return;
    }
    if (!(await bundleBuilt(assetsDir))) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    const page = renderPage(req.baseUrl + endpoint, examples);
    res
      .status(200)
      .set({
        'Content-Security-Policy': contentSecurityPolicy(page.inlineScript),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .type('html')
      .send(page.html);
  });

  for (const name of Object.keys(ASSETS) as AssetName[]) {
    router.get(`${endpoint}/ide/${name}`, (_req: Request, res: Response, next: NextFunction) => {
      const headers = {
        'Content-Type': ASSETS[name],
        // File names are not content-hashed, so browsers must revalidate (ETag) after a rebuild.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      res.sendFile(join(assetsDir, name), { headers, cacheControl: false }, (err?: Error) => {
        if (err === undefined || res.headersSent) return;
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          res.status(503).type('text/plain').send(NOT_BUILT);
        } else {
          next(err);
        }
      });
    });
  }
  return router;
}

function wantsIde(req: Request): boolean {
  // A browser's Accept ranks text/html first; curl (*/*) and GraphQL clients get the JSON types,
  // which are listed first so they win ties.
  const preferred = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
  if (preferred !== 'text/html') return false;
  // Parsed from the raw URL so the answer does not depend on the app's "query parser" setting.
  return !new URL(req.originalUrl, 'http://localhost').searchParams.has('query');
}

async function bundleBuilt(assetsDir: string): Promise<boolean> {
  try {
    await Promise.all(Object.keys(ASSETS).map((name) => access(join(assetsDir, name))));
    return true;
  } catch {
    return false;
  }
}

function renderPage(
  endpoint: string,
  examples: ReadonlyArray<GraphiqlExample>,
): { html: string; inlineScript: string } {
  const inlineScript = `window.__RIGHTSGRAPH__=${scriptSafeJson({ endpoint, examples })};`;
  const asset = (name: AssetName): string => escapeHtml(`${endpoint}/ide/${name}`);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>rightsgraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.css')}">
<script>${inlineScript}</script>
<script defer src="${asset('graphiql.js')}"></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript. GraphQL clients can POST to ${escapeHtml(endpoint)}.</noscript>
</body>
</html>
`;
  return { html, inlineScript };
}

/**
 * Nothing may load from another origin: the IDE must work offline. The one inline script (the
 * config) is allowed by its hash rather than 'unsafe-inline'. Fonts and images are data: URLs
 * inlined in the CSS; styles need 'unsafe-inline' because GraphiQL's dialogs and CodeMirror
 * write style attributes and <style> elements at runtime.
 */
function contentSecurityPolicy(inlineScript: string): string {
  const hash = createHash('sha256').update(inlineScript, 'utf8').digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** JSON that cannot close the <script> element or open an HTML comment inside it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

/** The nearest folder holding package.json: same answer from src/http (ts-jest) and dist/src/http. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`graphiqlRouter: no package.json above ${__dirname}; pass assetsDir`);
    }
  }
}
