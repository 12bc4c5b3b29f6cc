import { parseArgs } from 'node:util';
import { DEFAULT_CHUNK_SIZE, MAX_RELATIONSHIPS } from './generate';

export const DEFAULT_SEED = 42;

export const SEED_SYNTHETIC_USAGE = `Usage: npm run seed:synthetic -- --relationships <n> [--seed <n>] [--out <file.jsonl>] [--chunk-size <n>]

  --relationships  how many relationships to generate (1 to ${MAX_RELATIONSHIPS}); node counts scale with it
  --seed           PRNG seed, 0 to 4294967295 (default ${DEFAULT_SEED}); same seed and size, same graph
  --out            write the graph as seed JSON Lines to this file (sources carry their text inline)
  --chunk-size     records per batch while generating (default ${DEFAULT_CHUNK_SIZE})`;

export interface SeedSyntheticArgs {
  readonly help: boolean;
  readonly relationships: number;
  readonly seed: number;
  readonly out: string | null;
  readonly chunkSize: number;
}

/** Parses and validates the CLI arguments; throws an Error whose message is meant for the user. */
export function parseSeedSyntheticArgs(argv: readonly string[]): SeedSyntheticArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        relationships: { type: 'string', short: 'r' },
        seed: { type: 'string', short: 's' },
        out: { type: 'string', short: 'o' },
        'chunk-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${SEED_SYNTHETIC_USAGE}`, { cause: e });
  }
  if (values.help) return { help: true, relationships: 0, seed: DEFAULT_SEED, out: null, chunkSize: DEFAULT_CHUNK_SIZE };
  if (values.relationships === undefined) throw new Error(`--relationships is required\n\n${SEED_SYNTHETIC_USAGE}`);
  if (values.out !== undefined && values.out.trim() === '') throw new Error('--out needs a file path');
  return {
    help: false,
    relationships: integer('--relationships', values.relationships, 1, MAX_RELATIONSHIPS),
    seed: values.seed === undefined ? DEFAULT_SEED : integer('--seed', values.seed, 0, 0xffffffff),
    out: values.out ?? null,
    chunkSize: values['chunk-size'] === undefined ? DEFAULT_CHUNK_SIZE : integer('--chunk-size', values['chunk-size'], 1, 1_000_000),
  };
}

/** Digits only (underscores allowed as in 1_000_000): "1e6", "12abc" or "-3" are refused, not coerced. */
function integer(flag: string, raw: string, min: number, max: number): number {
  const text = raw.trim().replace(/_/g, '');
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}
