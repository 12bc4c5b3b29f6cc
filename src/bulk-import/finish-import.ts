import { EMPTY_ALIASES, STAND_IN_PARAMS, restoreLineBreaks } from './bulk-cypher';
import type { LineBreakProperty } from './graph-csv';
import { connectServed } from './neo4j-processes';

/**
 * What Neo4j's importer cannot write as the online path writes it, written once the new database
 * at `uri` runs, over one connection: `[]` where the importer left an empty list out (bulk-cypher's
 * EMPTY_ALIASES), and the line breaks the CSV files carried as stand-ins (./csv-cells), property by
 * property.
 */
export async function finishImport(uri: string, lineBreaks: readonly LineBreakProperty[]): Promise<void> {
  const runner = connectServed(uri);
  try {
    await runner.autoCommit('bulkEmptyAliases', EMPTY_ALIASES);
    for (const { kind, property, list } of lineBreaks) {
      await runner.autoCommit('bulkLineBreaks', restoreLineBreaks(kind, property, list), STAND_IN_PARAMS);
    }
  } finally {
    await runner.close();
  }
}
