/**
 * The soak's figures minute by minute, and its verdict against issue 13's criteria, which are
 * written for 30 minutes and scaled here to the run's length:
 * - errors: none, of any code;
 * - latency: p99 of the last window within 1.5x of the first, a window being 5 of 30 minutes
 *   (one sixth of the run, rounded, at least one minute: 1 minute for runs of 1-8 minutes);
 * - memory: resident memory at the end less than 10% above its level after warm-up, warm-up being
 *   the first window (5 of 30 minutes): V8 sizes its heap to the allocation rate it sees, which
 *   takes minutes to settle under a steady load. RSS is the median of samples taken every few
 *   seconds over a minute (the last of the warm-up, the last of the run), so one sample caught
 *   before a garbage collection does not decide it.
 */
export interface MinuteFigures {
  readonly minute: number;
  readonly requests: number;
  /** Error code (GraphQL extensions.code, HTTP_<status>, TIMEOUT, ...) -> count. */
  readonly errors: ReadonlyMap<string, number>;
  /** Sorted latencies of the minute's answers, in ms. */
  readonly latencies: Float64Array;
  readonly rssMb: number | null;
  /** How long the minute's document import took, in ms; null when none ran. */
  readonly ingestMs: number | null;
}

const P99_RATIO = 1.5;
const RSS_GROWTH = 0.1;

class Bucket {
  latencies: number[] = [];
  errors = new Map<string, number>();
  requests = 0;
  rss: number[] = [];
  ingestMs: number | null = null;
}

export class MinuteRecorder {
  private readonly buckets: Bucket[];
  /** Latencies of the whole run by operation, to tell which part of the mix is slow. */
  private readonly byOp = new Map<string, number[]>();
  private startedAt = 0;

  constructor(readonly minutes: number) {
    this.buckets = Array.from({ length: minutes }, () => new Bucket());
  }

  start(): void {
    this.startedAt = performance.now();
  }

  /** The minute (0-based) now falls in; the last one keeps what arrives after the end. */
  current(): number {
    return Math.min(this.minutes - 1, Math.floor((performance.now() - this.startedAt) / 60_000));
  }

  answer(latencyMs: number, op: string): void {
    const b = this.buckets[this.current()]!;
    b.requests++;
    b.latencies.push(latencyMs);
    const all = this.byOp.get(op);
    if (all) all.push(latencyMs);
    else this.byOp.set(op, [latencyMs]);
  }

  /** One line per operation: answers, p50 and p99 over the whole run. */
  operationLines(): string[] {
    return [...this.byOp].map(([op, values]) => {
      const sorted = Float64Array.from(values).sort();
      return `  ${op.padEnd(13)} ${values.length.toLocaleString('en-US').padStart(8)} answers, p50 ${ms(quantile(sorted, 0.5))} ms, p99 ${ms(quantile(sorted, 0.99))} ms`;
    });
  }

  /** A request that failed: a coded answer (counted by answer() too), or no answer at all. */
  error(code: string, answered: boolean): void {
    const b = this.buckets[this.current()]!;
    if (!answered) b.requests++;
    b.errors.set(code, (b.errors.get(code) ?? 0) + 1);
  }

  rss(mb: number | null): void {
    if (mb !== null) this.buckets[this.current()]!.rss.push(mb);
  }

  ingest(ms: number): void {
    this.buckets[this.current()]!.ingestMs = Math.round(ms);
  }

  figures(minute: number): MinuteFigures {
    const b = this.buckets[minute]!;
    return {
      minute: minute + 1,
      requests: b.requests,
      errors: b.errors,
      latencies: Float64Array.from(b.latencies).sort(),
      rssMb: b.rss.length ? median(b.rss) : null,
      ingestMs: b.ingestMs,
    };
  }
}

export const MINUTE_HEADER = 'minute | requests | errors | p50 ms | p99 ms | RSS MB | import ms';

export function minuteLine(f: MinuteFigures): string {
  const errors = [...f.errors.values()].reduce((a, b) => a + b, 0);
  const codes = errors ? ` (${[...f.errors].map(([c, n]) => `${c} ${n}`).join(', ')})` : '';
  return [
    String(f.minute).padStart(6),
    f.requests.toLocaleString('en-US').padStart(8),
    `${errors}${codes}`.padStart(6),
    ms(quantile(f.latencies, 0.5)).padStart(6),
    ms(quantile(f.latencies, 0.99)).padStart(6),
    (f.rssMb === null ? 'n/a' : String(f.rssMb)).padStart(6),
    (f.ingestMs === null ? '-' : String(f.ingestMs)).padStart(9),
  ].join(' | ');
}

export interface Verdict {
  readonly pass: boolean;
  readonly lines: readonly string[];
}

export function verdict(all: readonly MinuteFigures[]): Verdict {
  const n = all.length;
  const window = Math.max(1, Math.round(n / 6));
  const warmup = window;
  const errors = new Map<string, number>();
  for (const f of all) for (const [code, count] of f.errors) errors.set(code, (errors.get(code) ?? 0) + count);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const requests = all.reduce((a, f) => a + f.requests, 0);

  const p99Of = (figures: readonly MinuteFigures[]): number => quantile(merge(figures.map((f) => f.latencies)), 0.99);
  const firstP99 = p99Of(all.slice(0, window));
  const lastP99 = p99Of(all.slice(n - window));
  const ratio = lastP99 / firstP99;

  const baseline = all[warmup - 1]?.rssMb ?? null;
  const final = all[n - 1]?.rssMb ?? null;
  const growth = baseline !== null && final !== null && n > warmup ? (final - baseline) / baseline : null;

  const checks = [
    {
      ok: errorCount === 0,
      text: `errors: ${errorCount} of ${requests.toLocaleString('en-US')} requests${errorCount ? ` (${[...errors].map(([c, k]) => `${c} ${k}`).join(', ')})` : ''} (target 0)`,
    },
    {
      ok: ratio <= P99_RATIO,
      text:
        `p99 of the last ${window} min ${ms(lastP99)} ms vs the first ${window} min ${ms(firstP99)} ms: ${ratio.toFixed(2)}x ` +
        `(target <= ${P99_RATIO}x; window = round(minutes / 6), 5 of 30)`,
    },
    {
      ok: growth !== null && growth < RSS_GROWTH,
      text:
        growth === null
          ? `RSS growth after warm-up: cannot be told (RSS not readable, or the run is no longer than its ${warmup} min warm-up)`
          : `RSS ${final} MB at the end vs ${baseline} MB after the ${warmup} min warm-up: ${(growth * 100).toFixed(1)}% ` +
            `(target < ${RSS_GROWTH * 100}%)`,
    },
  ];
  return {
    pass: checks.every((c) => c.ok),
    lines: checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'} ${c.text}`),
  };
}

function merge(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.sort();
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(1);
}
