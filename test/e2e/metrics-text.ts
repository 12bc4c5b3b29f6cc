/**
 * Reads the Prometheus text exposition format (version 0.0.4) strictly enough that a malformed
 * scrape fails the test: every sample belongs to a family declared by `# TYPE`, label values are
 * unescaped, and each histogram's buckets are cumulative and end at `+Inf` equal to its `_count`.
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Scrape {
  readonly types: ReadonlyMap<string, string>;
  readonly samples: readonly Sample[];
  /** The one sample of `name` whose labels include `labels`; 0 when there is none yet. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every sample of `name` whose labels include `labels`. */
  all(name: string, labels?: Record<string, string>): Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = new RegExp(`^(${NAME})="((?:[^"\\\\]|\\\\[\\\\"n])*)",?`);
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parseMetrics(text: string): Scrape {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`line ${i + 1}: ${type[1]} declared twice`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('# HELP ') || line.startsWith('#')) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`line ${i + 1} is not a sample: ${line}`);
    const [, name, labelText = '', valueText] = sample;
    if (familyOf(name!, types) === undefined) throw new Error(`line ${i + 1}: ${name} has no # TYPE before it`);
    samples.push({ name: name!, labels: parseLabels(labelText, i + 1), value: parseValue(valueText!, i + 1) });
  }
  checkHistograms(types, samples);
  const all = (name: string, labels: Record<string, string> = {}): Sample[] =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    types,
    samples,
    all,
    value(name, labels = {}) {
      const found = all(name, labels);
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value ?? 0;
    },
  };
}

function familyOf(name: string, types: ReadonlyMap<string, string>): string | undefined {
  for (const [family, type] of types) {
    if (SUFFIXES[type]!.some((suffix) => name === family + suffix)) return family;
  }
  return undefined;
}

function parseLabels(text: string, lineNo: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const label = LABEL.exec(rest);
    if (!label) throw new Error(`line ${lineNo}: bad labels {${text}}`);
    labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(label[0].length);
  }
  return labels;
}

function parseValue(text: string, lineNo: number): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  const value = Number(text);
  // prom-client writes NaN (an event loop lag not yet sampled) as `Nan`; Prometheus reads any case.
  if (Number.isNaN(value) && !/^nan$/i.test(text)) throw new Error(`line ${lineNo}: bad value ${text}`);
  return value;
}

function checkHistograms(types: ReadonlyMap<string, string>, samples: readonly Sample[]): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    for (const count of samples.filter((s) => s.name === `${family}_count`)) {
      const series = JSON.stringify(count.labels);
      const buckets = samples
        .filter((s) => s.name === `${family}_bucket` && sameSeries(s.labels, count.labels))
        .map((s) => ({ le: parseValue(s.labels.le!, 0), value: s.value }))
        .sort((a, b) => a.le - b.le);
      if (buckets.at(-1)?.le !== Infinity) throw new Error(`${family}${series} has no +Inf bucket`);
      if (buckets.at(-1)!.value !== count.value) throw new Error(`${family}${series}: +Inf bucket is not _count`);
      for (let i = 1; i < buckets.length; i++) {
        if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${family}${series}: buckets are not cumulative`);
      }
    }
  }
}

function sameSeries(bucket: Readonly<Record<string, string>>, series: Readonly<Record<string, string>>): boolean {
  const { le: _le, ...rest } = bucket;
  return Object.keys(rest).length === Object.keys(series).length && Object.entries(series).every(([k, v]) => rest[k] === v);
}
