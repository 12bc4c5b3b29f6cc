import type { RecordBatch } from '../domain/records';
import { EntityOrder, type GraphStore } from '../ports/graph-store';

/** Records per upsert (one transaction each), so a large seed never becomes one huge transaction. */
const PART_SIZE = 5000;

/** Loads a batch through the port, sources, then entities, then relationships; idempotent (upsert by id). */
export async function seedStore(store: GraphStore, batch: RecordBatch): Promise<void> {
  for (const part of parts(batch)) await store.upsert(part);
}

/** Whether the store holds nothing yet: no source and no entity. */
export async function isEmpty(store: GraphStore): Promise<boolean> {
  const [sources, entities] = await Promise.all([
    store.listSources(),
    store.listEntities({ first: 1, offset: 0, orderBy: EntityOrder.NAME }),
  ]);
  return sources.length === 0 && entities.totalCount === 0;
}

/** Every part refers only to what an earlier part (or the store) already holds. */
function* parts(batch: RecordBatch): Generator<RecordBatch> {
  for (let i = 0; i < batch.sources.length; i += PART_SIZE) {
    yield { sources: batch.sources.slice(i, i + PART_SIZE), entities: [], relationships: [] };
  }
  for (let i = 0; i < batch.entities.length; i += PART_SIZE) {
    yield { sources: [], entities: batch.entities.slice(i, i + PART_SIZE), relationships: [] };
  }
  for (let i = 0; i < batch.relationships.length; i += PART_SIZE) {
    yield { sources: [], entities: [], relationships: batch.relationships.slice(i, i + PART_SIZE) };
  }
}
