import { formatProblem } from '../records/record-lines';
import type { KindCounts } from './import-plan';
import type { ImportResult } from './import-graph';

const counts = (c: KindCounts): string => `${c.sources} sources, ${c.entities} entities, ${c.relationships} relationships`;
const total = (c: KindCounts): number => c.sources + c.entities + c.relationships;

/** What happened, for people: one line per fact. */
export function importSummary(r: ImportResult): string {
  if (r.problems.length > 0) {
    const n = r.problems.length;
    return [
      ...r.problems.map(formatProblem),
      `${r.file}: refused, ${n} problem${n === 1 ? '' : 's'} in ${new Set(r.problems.map((p) => p.lineNo)).size} lines; nothing was written`,
    ].join('\n');
  }
  const verb = r.dryRun ? 'would write' : 'wrote';
  const lines = [
    `${r.file}: ${r.records} records valid${r.dryRun ? ' (dry run: nothing written)' : ''}`,
    `  new:       ${counts(r.added)}`,
    `  changed:   ${counts(r.changed)}`,
    `  ${r.unchanged} unchanged`,
  ];
  const n = total(r.added) + total(r.changed);
  if (n === 0) lines.push('  nothing to write');
  else if (r.dryRun) lines.push(`  ${verb} ${n} records`);
  else lines.push(`  ${verb} ${r.written} records in ${r.writes} write${r.writes === 1 ? ' (atomic)' : 's (each atomic on its own)'}`);
  return lines.join('\n');
}
