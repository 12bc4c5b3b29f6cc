import { EntityOrder } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import { relationshipPages } from '../../src/export/walk-graph';

/** What a refused import must leave exactly as it was. */
export async function graphCounts(store: Store): Promise<{ sources: number; entities: number; relationships: number; changes: number }> {
  let relationships = 0;
  for await (const page of relationshipPages(store)) relationships += page.length;
  return {
    sources: (await store.listSources()).length,
    entities: (await store.listEntities({ first: 1, offset: 0, orderBy: EntityOrder.NAME })).totalCount,
    relationships,
    changes: (await store.changes({ first: 1, offset: 0 })).totalCount,
  };
}
