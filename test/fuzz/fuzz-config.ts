import * as fc from 'fast-check';

/**
 * How many cases the fuzz suites run, and from which seed. The seed is fixed by default so a CI
 * failure replays exactly; FUZZ_SEED picks another one and FUZZ_RUNS multiplies every property's
 * runs, for longer local runs:
 *
 *   FUZZ_SEED=7 FUZZ_RUNS=10 npx jest test/fuzz
 */

const DEFAULT_SEED = 20_261_201;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}"`);
  return value;
}

export const FUZZ_SEED = Math.trunc(envNumber('FUZZ_SEED', DEFAULT_SEED));
export const FUZZ_SCALE = envNumber('FUZZ_RUNS', 1);

/** A jest timeout for one property that grows with FUZZ_RUNS, so longer runs do not time out. */
export const propertyTimeout = (baseMs: number): number => Math.round(baseMs * Math.max(1, FUZZ_SCALE));

/** Counts the cases each property ran, for the one summary line a suite prints at its end. */
export class CaseLog {
  private readonly counts: [string, number][] = [];

  constructor(private readonly title: string) {}

  add(property: string, cases: number): void {
    this.counts.push([property, cases]);
  }

  summary(): string {
    const total = this.counts.reduce((sum, [, n]) => sum + n, 0);
    const each = this.counts.map(([name, n]) => `${name} ${n}`).join(', ');
    return `fuzz ${this.title}: seed ${FUZZ_SEED}, ${total} cases, failures 0 (${each})`;
  }
}

/**
 * The failure, then fast-check's report without its replay path (hundreds of steps after a long
 * shrink), cut short: a counterexample may hold a string of a megabyte.
 */
function shortReport(details: fc.RunDetails<unknown>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const report = (fc.defaultReportMessage(details) ?? '').replace(/path: "[^"]*"/, (path) => (path.length > 80 ? `${path.slice(0, 80)}…"` : path));
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters in all)` : text);
  return `${cut(error, 3000)}\n${cut(report, 3000)}`;
}

/**
 * Runs `property` for `baseRuns` (times FUZZ_RUNS) cases from FUZZ_SEED and logs how many ran;
 * throws fast-check's report, with the shrunk counterexample and how to replay it, on failure.
 */
export async function checkProperty(log: CaseLog, name: string, property: fc.IAsyncPropertyWithHooks<any>, baseRuns: number): Promise<void> {
  const numRuns = Math.max(1, Math.round(baseRuns * FUZZ_SCALE));
  const details = await fc.check(property, { seed: FUZZ_SEED, numRuns });
  if (details.failed) throw new Error(`${name}: ${shortReport(details)}`);
  log.add(name, details.numRuns);
}
