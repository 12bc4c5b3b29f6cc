export interface Row {
  readonly part: string;
  readonly store: string;
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly verdict: string;
}

/** A plain-text table on stdout, columns padded to their widest cell. */
export function printTable(rows: readonly Row[]): void {
  const header: Row = { part: 'part', store: 'store', measure: 'measure', figure: 'figure', target: 'target', verdict: 'verdict' };
  const keys = ['part', 'store', 'measure', 'figure', 'target', 'verdict'] as const;
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: Row): string => keys.map((k, i) => r[k].padEnd(widths[i]!)).join(' | ').trimEnd();
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

export function verdict(value: number, limit: number, atLeast = false): 'ok' | 'MISSED' {
  return (atLeast ? value >= limit : value < limit) ? 'ok' : 'MISSED';
}
