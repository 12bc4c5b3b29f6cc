#!/usr/bin/env node
// Bundles the two browser apps the API serves:
//   web/ide      (GraphiQL, at GET /graphql)  -> dist/ide/graphiql.{js,css}, served by src/http/ide.ts
//   web/explorer (the explorer, at GET /)     -> dist/explorer/*-<hash>.{js,css} + manifest.json,
//                                                served by src/http/explorer.ts
// Everything comes from installed packages: the pages must work offline, so the build fails if
// the CSS would make the browser fetch anything from another origin.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts and images referenced by the CSS end up inside it, never as separate or remote files.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const ideDir = join(root, 'dist', 'ide');
const explorerDir = join(root, 'dist', 'explorer');
// Old hashed files would pile up otherwise; the IDE's names are fixed and simply overwritten.
await rm(explorerDir, { recursive: true, force: true });

const [ide, explorer] = await Promise.all([
  build({ ...common, entryPoints: { graphiql: 'web/ide/index.tsx' }, outdir: ideDir, format: 'iife' }),
  // ES modules so the graph library (cytoscape, most of the bytes) is a chunk loaded only by the
  // views that draw; content-hashed names let the server cache every file for a year.
  build({
    ...common,
    entryPoints: { main: 'web/explorer/main.tsx' },
    outdir: explorerDir,
    format: 'esm',
    splitting: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
  }),
]);

/** The entry's JavaScript output and the CSS bundle of what it imports, relative to the project. */
function entryOutputs(result, entry) {
  const outputs = Object.entries(result.metafile.outputs);
  const js = outputs.find(([, meta]) => meta.entryPoint === entry);
  if (js === undefined || js[1].cssBundle === undefined) {
    throw new Error(`build-web: expected a .js and a .css output for ${entry}, got ${outputs.map(([file]) => file).join(', ')}`);
  }
  return { js: js[0], css: js[1].cssBundle };
}

const ideFiles = ['graphiql.js', 'graphiql.css'].map((name) => relative(root, join(ideDir, name)));
for (const file of ideFiles) {
  if (!(file in ide.metafile.outputs)) {
    throw new Error(`build-web: expected ${file} among the outputs, got ${Object.keys(ide.metafile.outputs).join(', ')}`);
  }
}
const { js: explorerJs, css: explorerCss } = entryOutputs(explorer, 'web/explorer/main.tsx');
// The server reads this to name the hashed files in the page it serves.
await writeFile(join(explorerDir, 'manifest.json'), `${JSON.stringify({ js: basename(explorerJs), css: basename(explorerCss) })}\n`);

// What a browser would fetch by itself: url(...) and @import in CSS. Links in the JS (docs, licences)
// are not fetched, so only the CSS is checked strictly.
for (const file of [ideFiles[1], explorerCss]) {
  const css = await readFile(join(root, file), 'utf8');
  const remote = [
    ...[...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]).filter((u) => !/^(data:|#)/i.test(u)),
    ...[...css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'");\s]*)/gi)].map((m) => m[1]),
  ];
  if (remote.length > 0) {
    throw new Error(`build-web: ${file} references non-inlined resources: ${remote.slice(0, 5).join(', ')}`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const kib = (result, file) => `${file} ${(result.metafile.outputs[file].bytes / 1024).toFixed(0)} KiB`;
const sizes = [
  ...ideFiles.map((file) => kib(ide, file)),
  ...Object.keys(explorer.metafile.outputs).map((file) => kib(explorer, file)),
];
console.log(`build-web: ${sizes.join(', ')} in ${seconds}s`);
