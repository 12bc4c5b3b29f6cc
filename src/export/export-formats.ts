import { cytoscapeSerializer } from './cytoscape-serializer';
import { gexfSerializer } from './gexf-serializer';
import type { GraphSerializer } from './graph-serializer';
import { graphmlSerializer } from './graphml-serializer';
import { jsonlSerializer } from './jsonl-serializer';

export const EXPORT_FORMATS = ['jsonl', 'graphml', 'gexf', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A fresh serializer per export: some keep state between pages. */
export function serializerFor(format: ExportFormat): GraphSerializer {
  switch (format) {
    case 'jsonl':
      return jsonlSerializer();
    case 'graphml':
      return graphmlSerializer();
    case 'gexf':
      return gexfSerializer();
    case 'cytoscape':
      return cytoscapeSerializer();
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
