import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Whether a jest run needs the shared Neo4j, decided from its test files' text (see the rule in
 * test/support/global-setup.ts). Cheap: it reads a few dozen small files.
 */

/** Written by test/support/recording-sequencer.cjs in jest's main process, before the global setup. */
const SELECTION_KEY = Symbol.for('rightsgraph.selectedTestFiles');

/** The names through which a suite reaches the shared server; see global-setup.ts. */
const NEO4J_MARKERS =
  /\b(?:STORE_KINDS|describeStore|describeNeo4j|neo4jTestOptions|wipeNeo4j)\b|\b(?:loadedStore|useSeededApi)\(\s*['"]neo4j['"]|\bTEST_NEO4J_/;

const TEST_ROOT = resolve(__dirname, '..');
/** Defines the markers for everyone, so importing it says nothing by itself. */
const MARKER_HOME = join(__dirname, 'stores.ts');
const RELATIVE_IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The test files of this run, or undefined when the recording sequencer did not run. */
export function selectedTestFiles(): readonly string[] | undefined {
  const files = (globalThis as Record<symbol, unknown>)[SELECTION_KEY];
  return Array.isArray(files) ? (files as string[]) : undefined;
}

/** True when one of `files`, or a module under test/ it imports (transitively), names a marker. */
export function needsNeo4j(files: readonly string[]): boolean {
  const seen = new Set<string>();
  const needs = (file: string): boolean => {
    if (seen.has(file) || file === MARKER_HOME) return false;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return true; // unreadable: assume it does
    }
    if (NEO4J_MARKERS.test(text)) return true;
    return [...text.matchAll(RELATIVE_IMPORT)].some(([, specifier]) => {
      const target = resolveModule(resolve(dirname(file), specifier as string));
      return target !== undefined && target.startsWith(TEST_ROOT + sep) && needs(target);
    });
  };
  return files.some(needs);
}

function resolveModule(base: string): string | undefined {
  return [`${base}.ts`, base, join(base, 'index.ts')].find((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}
