import type { LoadFigures } from './http-load';
import { SYSTEM_LABELS, type SystemName } from './peers-systems';
import { WORKLOAD_TITLES, type WorkloadId } from './peers-workloads';

/** What one system costs Neo4j for one request of a workload, measured once before the runs. */
export interface Probe {
  /** extensions.storeCalls (ours only). */
  readonly storeCalls: number | null;
  readonly statements: number | null;
  readonly dbHits: number | null;
}

/** Everything measured for one workload on one system, over the rounds. */
export interface Cell {
  readonly workload: WorkloadId | 'ceiling';
  readonly system: SystemName;
  /** Why the system cannot answer the workload; null when it was measured. */
  readonly na: string | null;
  readonly probe: Probe;
  readonly loaded: LoadFigures[];
  readonly single: LoadFigures[];
  /** Server CPU ms per response, one figure per throughput run. */
  readonly cpuPerRequest: number[];
}

export interface Summary {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly p50Single: number;
  readonly cpuMs: number | null;
}

export function summarise(cell: Cell): Summary | null {
  if (cell.na !== null || cell.loaded.length === 0) return null;
  return {
    rps: median(cell.loaded.map((f) => f.requestsPerSecond)),
    p50: median(cell.loaded.map((f) => f.p50)),
    p99: median(cell.loaded.map((f) => f.p99)),
    p50Single: median(cell.single.map((f) => f.p50)),
    cpuMs: cell.cpuPerRequest.length > 0 ? median(cell.cpuPerRequest) : null,
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A ratio the issue sets a target for: ours against a peer, on some workloads. */
interface Target {
  readonly name: string;
  readonly peer: SystemName;
  readonly workloads: readonly WorkloadId[];
  readonly figure: (s: Summary) => number;
  readonly limit: number;
  readonly atLeast: boolean;
}

export const TARGETS: readonly Target[] = [
  { name: 'ours / @neo4j/graphql req/s @16', peer: 'neo4j-graphql', workloads: ['W2', 'W3'], figure: (s) => s.rps, limit: 1.5, atLeast: true },
  { name: 'ours / @neo4j/graphql p99 @16', peer: 'neo4j-graphql', workloads: ['W2', 'W3'], figure: (s) => s.p99, limit: 0.7, atLeast: false },
  { name: 'ours / hand p50 @1', peer: 'hand', workloads: ['W1', 'W2', 'W3'], figure: (s) => s.p50Single, limit: 1.3, atLeast: false },
  { name: 'ours / hand req/s @16', peer: 'hand', workloads: ['W1', 'W2', 'W3'], figure: (s) => s.rps, limit: 0.7, atLeast: true },
];

export interface Verdict {
  readonly target: string;
  readonly workload: WorkloadId;
  readonly ratio: number | null;
  readonly pass: boolean;
}

export interface Report {
  readonly markdown: string;
  readonly verdicts: readonly Verdict[];
}

const rate = (n: number): string => (Number.isNaN(n) ? '-' : Math.round(n).toLocaleString('en-US'));
const msText = (n: number): string => (Number.isNaN(n) ? '-' : `${n.toFixed(2)} ms`);
const count = (n: number | null): string => (n === null ? '-' : String(n));

/** The figures table, the ratio table with every target's verdict, as markdown (also fine as plain text). */
export function buildReport(cells: readonly Cell[], workloads: readonly WorkloadId[], heading: string): Report {
  const lines: string[] = [heading, ''];
  lines.push('| workload | system | req/s @16 | p50 @16 | p99 @16 | p50 @1 | server CPU/req | store calls | Neo4j statements | db hits |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const cell of cells) {
    const title = cell.workload === 'ceiling' ? 'ceiling' : `${cell.workload} ${WORKLOAD_TITLES[cell.workload]}`;
    const s = summarise(cell);
    if (!s) {
      lines.push(`| ${title} | ${SYSTEM_LABELS[cell.system]} | n/a: ${cell.na ?? 'not measured'} | | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${title} | ${SYSTEM_LABELS[cell.system]} | ${rate(s.rps)} | ${msText(s.p50)} | ${msText(s.p99)} | ${msText(s.p50Single)} | ` +
        `${s.cpuMs === null ? '-' : `${s.cpuMs.toFixed(2)} ms`} | ${count(cell.probe.storeCalls)} | ${count(cell.probe.statements)} | ${count(cell.probe.dbHits)} |`,
    );
  }
  const verdicts: Verdict[] = [];
  lines.push('', '| ratio (ours on Neo4j / peer) | ' + workloads.join(' | ') + ' |', '|---|' + workloads.map(() => '--:|').join(''));
  for (const target of TARGETS) {
    const row = workloads.map((w) => {
      const ours = find(cells, w, 'ours-neo4j');
      const peer = find(cells, w, target.peer);
      const value = ours && peer ? target.figure(ours) / target.figure(peer) : NaN;
      // No responses in a run (a smoke run on a busy machine) leaves no figure to divide.
      const ratio = Number.isFinite(value) ? value : null;
      if (!target.workloads.includes(w)) return ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`;
      const pass = ratio !== null && (target.atLeast ? ratio >= target.limit : ratio <= target.limit);
      verdicts.push({ target: target.name, workload: w, ratio, pass });
      return `${ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`} ${target.atLeast ? '>=' : '<='} ${target.limit} **${pass ? 'PASS' : 'FAIL'}**`;
    });
    lines.push(`| ${target.name} | ${row.join(' | ')} |`);
  }
  return { markdown: lines.join('\n') + '\n', verdicts };
}

function find(cells: readonly Cell[], workload: WorkloadId, system: SystemName): Summary | null {
  const cell = cells.find((c) => c.workload === workload && c.system === system);
  return cell ? summarise(cell) : null;
}
