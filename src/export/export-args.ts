import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export-formats';

export const EXPORT_USAGE = `Usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--out <file>]

  --format   jsonl      the import record shape (sources, entities, relationships): imports back unchanged
             graphml    GraphML for Gephi, yEd, networkx; evidence as JSON text
             gexf       GEXF 1.3 for Gephi (static, directed); evidence as JSON text
             cytoscape  Cytoscape.js elements JSON
  --out      write to this file (replaced only once the export is complete); stdout by default

Progress goes to stderr, so stdout carries only the export.`;

export interface ExportArgs {
  readonly help: boolean;
  readonly format: ExportFormat;
  readonly out: string | null;
}

/** Parses the CLI arguments; throws an Error whose message is meant for the user. */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${EXPORT_USAGE}`, { cause: e });
  }
  if (values.help) return { help: true, format: 'jsonl', out: null };
  const format = values.format?.trim().toLowerCase();
  if (format === undefined) throw new Error(`--format is required\n\n${EXPORT_USAGE}`);
  if (!isExportFormat(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}; got "${values.format}"`);
  if (values.out !== undefined && values.out.trim() === '') throw new Error('--out needs a file path');
  return { help: false, format, out: values.out ?? null };
}
