/** The explorer's HTML page: the same for every route, naming the hashed bundle files. */

/** Written by scripts/build-web.mjs next to the bundle. */
export interface ExplorerManifest {
  readonly js: string;
  readonly css: string;
}

export interface ExplorerPage {
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Nothing but this server: no inline script or style at all (the app needs no configuration,
 * and Cytoscape's one injected rule is in the bundled CSS), so no hash and no 'unsafe-inline'.
 * `blob:` and `data:` images are the PNG export and the empty favicon; `connect-src 'self'` is
 * the one endpoint it talks to, /graphql.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function renderExplorerPage(assetsPath: string, manifest: ExplorerManifest): ExplorerPage {
  const asset = (name: string): string => escapeHtml(`${assetsPath}/${name}`);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rightsgraph explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(manifest.css)}">
<script type="module" src="${asset(manifest.js)}"></script>
</head>
<body>
<div id="app"><p class="status">Loading the explorer…</p></div>
<noscript>The rightsgraph explorer needs JavaScript. The GraphQL API is at /graphql.</noscript>
</body>
</html>
`;
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': EXPLORER_CSP,
    // The page names the current bundle's hashed files, so it must not outlive a rebuild.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  return { html, headers };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}
