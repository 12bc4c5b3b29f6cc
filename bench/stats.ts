/** Latency figures over repeated runs; a benchmark reports them, tests never time anything. */
export interface Latency {
  readonly runs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export async function measure(runs: number, once: (i: number) => Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await once(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { runs, p50: at(0.5), p99: at(0.99), max: times[times.length - 1]! };
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
