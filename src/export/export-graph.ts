import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { GraphStore } from '../ports/graph-store';
import { serializerFor, type ExportFormat } from './export-formats';
import { entityPages, relationshipPages } from './walk-graph';

export interface ExportOptions {
  readonly onProgress?: (message: string) => void;
  /** Progress after about this many records of each kind. */
  readonly progressEvery?: number;
}

export interface ExportCounts {
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
}

/**
 * Writes the whole graph to `out` in `format`, page by page through the port, waiting for the
 * stream to drain so memory stays flat. Nodes and edges are two walks over the entities, since
 * GEXF and Cytoscape want all nodes before any edge. Does not end `out` (it may be stdout).
 * A graph that changes during the walk may be exported partly before, partly after the change.
 */
export async function exportGraph(
  store: GraphStore,
  format: ExportFormat,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  const serializer = serializerFor(format);
  const every = options.progressEvery ?? 50_000;
  const progress = options.onProgress ?? (() => undefined);
  const put = async (text: string): Promise<void> => {
    if (text !== '' && !out.write(text)) await once(out, 'drain');
  };

  const sources = await store.listSources();
  await put(serializer.start());
  await put(serializer.sources(sources));

  let entities = 0;
  await put(serializer.startNodes());
  for await (const page of entityPages(store)) {
    await put(serializer.nodes(page));
    entities = reportEvery(entities, page.length, every, (n) => progress(`exported ${n} entities`));
  }

  let relationships = 0;
  await put(serializer.startEdges());
  for await (const page of relationshipPages(store)) {
    await put(serializer.edges(page));
    relationships = reportEvery(relationships, page.length, every, (n) => progress(`exported ${n} relationships`));
  }
  await put(serializer.end());
  return { sources: sources.length, entities, relationships };
}

function reportEvery(before: number, added: number, every: number, report: (n: number) => void): number {
  const after = before + added;
  if (Math.floor(after / every) > Math.floor(before / every)) report(after);
  return after;
}
