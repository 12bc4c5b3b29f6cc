import { createHash } from 'node:crypto';

export interface IdeExample {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const IDE_ASSETS = {
  'graphiql.js': 'text/javascript; charset=utf-8',
  'graphiql.css': 'text/css; charset=utf-8',
} as const;
export type IdeAssetName = keyof typeof IDE_ASSETS;

export interface IdePage {
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The GraphiQL page for `endpoint`, with its examples embedded, and the headers it needs. */
export function renderIdePage(endpoint: string, examples: ReadonlyArray<IdeExample>): IdePage {
  const inlineScript = `window.__RIGHTSGRAPH__=${scriptSafeJson({ endpoint, examples })};`;
  const asset = (name: IdeAssetName): string => escapeHtml(`${endpoint}/ide/${name}`);
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
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(inlineScript),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  return { html, headers };
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
