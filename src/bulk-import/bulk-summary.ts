import { formatProblem } from '../records/record-lines';
import { countMismatches, type BulkImportResult } from './bulk-import';

const MAX_PROBLEMS_SHOWN = 200;

/** What `npm run import -- --bulk-neo4j` prints: the problems of a refused file, or the phases and the counts. */
export function bulkSummary(result: BulkImportResult, file: string, dataDir: string): string {
  if (!result.ok) {
    const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
    const more = result.problems.length - shown.length;
    return [
      ...shown,
      ...(more > 0 ? [`... and ${more} more`] : []),
      `${file}: ${result.problems.length} problem(s) in ${result.lines} lines; nothing was imported and ${dataDir} was not created.`,
    ].join('\n');
  }
  const { phases, counts } = result;
  const relationships = [...result.expected.relationships.values()].reduce((a, b) => a + b, 0);
  const totalMs = phases.convertMs + phases.importMs + phases.startMs + phases.migrateMs + phases.verifyMs;
  const rate = (ms: number): string => `${Math.round(relationships / (ms / 1000)).toLocaleString('en-US')} relationships/s`;
  const width = Math.max(...counts.map((c) => c.name.length));
  const mismatches = countMismatches(counts);
  return [
    `${file} -> ${dataDir}: ${result.lines} lines, ${relationships} relationships`,
    `  validate+convert  ${seconds(phases.convertMs)}`,
    `  importer          ${seconds(phases.importMs)}  (${rate(phases.importMs)})`,
    `  start Neo4j       ${seconds(phases.startMs)}  (and store what the importer cannot: empty lists, line breaks)`,
    `  migrate           ${seconds(phases.migrateMs)}  (schema ${result.migration.from ?? 'none'} -> ${result.migration.to}: constraints and indexes)`,
    `  verify            ${seconds(phases.verifyMs)}`,
    `  end to end        ${seconds(totalMs)}  (${rate(totalMs)})`,
    'counts (expected = found):',
    ...counts.map((c) => `  ${c.name.padEnd(width)}  ${String(c.expected).padStart(9)}  ${c.expected === c.found ? '=' : '!='}  ${c.found}`),
    mismatches.length === 0
      ? `verified: every label and type holds what the file holds; serve it with \`npm run neo4j -- --data ${dataDir}\``
      : `MISMATCH in ${mismatches.map((c) => c.name).join(', ')}: the database in ${dataDir} does not hold what the file holds`,
  ].join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).padStart(6)} s`;
}
