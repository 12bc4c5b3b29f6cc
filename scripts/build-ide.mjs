#!/usr/bin/env node
// Bundles ide/ (GraphiQL) into dist/ide/graphiql.{js,css}, served by src/http/ide.ts.
// Everything comes from installed packages: the page must work offline, so the build fails if
// the output would make the browser fetch anything from another origin.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'ide');
const started = performance.now();

const result = await build({
  absWorkingDir: root,
  entryPoints: { graphiql: 'ide/index.tsx' },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts and images referenced by the CSS end up inside it, never as separate or remote files.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

const outputs = Object.keys(result.metafile.outputs);
const expected = ['graphiql.js', 'graphiql.css'].map((name) => join(outdir, name));
for (const file of expected) {
  if (!outputs.some((out) => join(root, out) === file)) {
    throw new Error(`build-ide: expected ${relative(root, file)} among the outputs, got ${outputs.join(', ')}`);
  }
}

// What a browser would fetch by itself: url(...) and @import in CSS. Links in the JS (docs, licences)
// are not fetched, so only the CSS is checked strictly.
const css = await readFile(join(outdir, 'graphiql.css'), 'utf8');
const remote = [
  ...[...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]).filter((u) => !/^(data:|#)/i.test(u)),
  ...[...css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'");\s]*)/gi)].map((m) => m[1]),
];
if (remote.length > 0) {
  throw new Error(`build-ide: graphiql.css references non-inlined resources: ${remote.slice(0, 5).join(', ')}`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const sizes = expected
  .map((file) => `${relative(root, file)} ${(result.metafile.outputs[relative(root, file)].bytes / 1024).toFixed(0)} KiB`)
  .join(', ');
console.log(`build-ide: ${sizes} in ${seconds}s`);
