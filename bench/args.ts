import { parseArgs } from 'node:util';

export const BENCH_STORES = ['embedded', 'neo4j'] as const;
export type BenchStore = (typeof BENCH_STORES)[number];

export interface BenchArgs {
  /** Skip the million-relationship loads, which take minutes. */
  readonly skip1m: boolean;
  readonly stores: readonly BenchStore[];
}

export const BENCH_USAGE = 'usage: node dist/bench/traversals.js [--skip-1m] [--stores embedded,neo4j]';

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'skip-1m': { type: 'boolean' }, stores: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const names = (values.stores ?? BENCH_STORES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(BENCH_STORES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--stores takes a comma-separated subset of ${BENCH_STORES.join(',')}; got "${values.stores ?? ''}"\n${BENCH_USAGE}`);
  }
  return { skip1m: values['skip-1m'] ?? false, stores: BENCH_STORES.filter((s) => names.includes(s)) };
}
