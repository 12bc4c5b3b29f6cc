import { Direction } from '../domain/enums';
import type { EntityRecord, RelationshipRecord } from '../domain/records';
import { EntityOrder, type GraphStore } from '../ports/graph-store';

/** Entities per listEntities page, and so ids per relationshipsOf call. */
export const ENTITY_PAGE = 1_000;
/** Relationships asked per entity and call; an entity with more is paged on its own. */
const RELATIONSHIPS_PER_ENTITY = 1_000;

/** Every entity, a page at a time, by name then id (the port's NAME order, stable under offset paging). */
export async function* entityPages(store: GraphStore, pageSize: number = ENTITY_PAGE): AsyncGenerator<readonly EntityRecord[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listEntities({ first: pageSize, offset, orderBy: EntityOrder.NAME });
    if (page.items.length > 0) yield page.items;
    if (page.items.length < pageSize || offset + pageSize >= page.totalCount) return;
  }
}

/**
 * Every relationship exactly once: each is the outgoing relationship of exactly one entity, so
 * walking every entity's outgoing relationships covers the graph without remembering what was seen.
 */
export async function* relationshipPages(
  store: GraphStore,
  pageSize: number = ENTITY_PAGE,
): AsyncGenerator<readonly RelationshipRecord[]> {
  const outgoing = { direction: Direction.OUTGOING };
  for await (const entities of entityPages(store, pageSize)) {
    const ids = entities.map((e) => e.id);
    const pages = await store.relationshipsOf(ids, outgoing, { first: RELATIONSHIPS_PER_ENTITY, offset: 0 });
    const found: RelationshipRecord[] = [];
    for (const [i, page] of pages.entries()) {
      for (const r of page.items) found.push(r);
      // A hub's remaining relationships, page by page; rare, so one id per call is fine.
      for (let offset = page.items.length; offset < page.totalCount; offset += RELATIONSHIPS_PER_ENTITY) {
        const [more] = await store.relationshipsOf([ids[i]!], outgoing, { first: RELATIONSHIPS_PER_ENTITY, offset });
        if (!more || more.items.length === 0) break;
        for (const r of more.items) found.push(r);
      }
    }
    if (found.length > 0) yield found;
  }
}
