import { EMPTY_ALIASES, STAND_IN_PARAMS, restoreLineBreaks } from './bulk-cypher';
import type { LineBreakProperty } from './graph-csv';
import { connectServed } from './neo4j-processes';

/*
 * What Neo4j's importer cannot write as the online path writes it, written once the new database
 * runs: empty lists, and the line breaks the CSV files carried as stand-ins.
 */

/** Stores `[]` where the importer left an empty list out (bulk-cypher's EMPTY_ALIASES). */
export async function fillEmptyLists(uri: string): Promise<void> {
  const runner = connectServed(uri);
  try {
    await runner.autoCommit('bulkEmptyAliases', EMPTY_ALIASES);
  } finally {
    await runner.close();
  }
}

/** Gives back the line breaks the CSV files carried as stand-ins (./csv-cells), property by property. */
export async function restoreLineBreakProperties(uri: string, properties: readonly LineBreakProperty[]): Promise<void> {
  if (properties.length === 0) return;
  const runner = connectServed(uri);
  try {
    for (const { kind, property, list } of properties) {
      await runner.autoCommit('bulkLineBreaks', restoreLineBreaks(kind, property, list), STAND_IN_PARAMS);
    }
  } finally {
    await runner.close();
  }
}
