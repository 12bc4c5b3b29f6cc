import type { CitationRecord } from '../../domain/records';
import * as C from './citation-cypher';
import { run, type Neo4jRunner } from './driver';
import { citationFromRow, type Props } from './mapping';
import { citationParams, citationSources } from './params';

/**
 * The port's citationsOf and citationCounts: one read each, however many sources, through the
 * full-text indexes of ./citation-cypher (the reason for them is there).
 */

export async function citationsOf(runner: Neo4jRunner, sourceIds: readonly string[], first: number): Promise<CitationRecord[][]> {
  if (sourceIds.length === 0) return [];
  if (first <= 0) return sourceIds.map(() => []);
  const records = await runner.read('citationsOf', (tx) => run(tx, C.CITATIONS_OF, citationParams(sourceIds, first)));
  const byId = new Map(
    records.map((r) => {
      const id = r.get('id') as string;
      return [id, (r.get('citations') as Props[]).map((row) => citationFromRow(row, id))] as const;
    }),
  );
  return sourceIds.map((id) => byId.get(id) ?? []);
}

export async function citationCounts(runner: Neo4jRunner, sourceIds: readonly string[]): Promise<number[]> {
  if (sourceIds.length === 0) return [];
  const records = await runner.read('citationCounts', (tx) => run(tx, C.CITATION_COUNTS, { sources: citationSources(sourceIds) }));
  const byId = new Map(records.map((r) => [r.get('id') as string, r.get('count') as number]));
  return sourceIds.map((id) => byId.get(id) ?? 0);
}
