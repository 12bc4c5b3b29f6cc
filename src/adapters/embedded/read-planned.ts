import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import type { GraphStore } from '../../ports/graph-store';
import {
  NOT_COUNTED,
  projectEntity,
  projectRelationship,
  type PlannedParticipationsResult,
  type PlannedRead,
  type PlannedRelationshipsResult,
  type ReadPlan,
  type RecordFields,
} from '../../ports/read-plan';

type Reads = Pick<GraphStore, 'getEntities' | 'participationsOf' | 'relationshipsOf'>;

/**
 * A plan carried out level by level through the store's own batch reads: in process there is no
 * round trip to save, so the embedded store answers a plan with exactly the calls the loaders
 * would have made, which also makes it the reference the Neo4j statement is tested against.
 */
export async function readPlannedThrough(
  store: Reads,
  ids: readonly string[],
  plan: ReadPlan,
  fields: RecordFields,
): Promise<PlannedRead> {
  const roots = await store.getEntities(ids);
  const withBehalf = fields.relationship.includes('onBehalfOfId');
  const found: Found = { withBehalf, entities: new Map(), participations: [], relationshipPages: [] };
  await expand(store, present(roots), plan, found);
  for (const root of present(roots)) found.entities.delete(root.id);
  const entity = (e: EntityRecord): EntityRecord => projectEntity(e, fields.entity);
  const relationship = (r: RelationshipRecord): RelationshipRecord => projectRelationship(r, fields.relationship);
  return {
    roots: roots.map((e) => e && entity(e)),
    entities: [...found.entities.values()].map(entity),
    participations: found.participations.map((p) => ({ ...p, rows: p.rows.map(relationship) })),
    relationshipPages: found.relationshipPages.map((p) => ({
      ...p,
      result: { items: p.result.items.map(relationship), totalCount: fields.counts ? p.result.totalCount : NOT_COUNTED },
    })),
  };
}

interface Found {
  /** Whether the bodies acted for are read (only when onBehalfOfId is). */
  readonly withBehalf: boolean;
  readonly entities: Map<string, EntityRecord>;
  readonly participations: PlannedParticipationsResult[];
  readonly relationshipPages: PlannedRelationshipsResult[];
}

async function expand(store: Reads, at: readonly EntityRecord[], plan: ReadPlan, found: Found): Promise<void> {
  if (at.length === 0) return;
  const ids = at.map((e) => e.id);
  const { participations, relationships } = plan;
  if (participations) {
    const lists = await store.participationsOf(ids, participations.types);
    ids.forEach((eventId, i) => found.participations.push({ eventId, types: participations.types, rows: lists[i]! }));
    if (participations.ends) {
      const rows = lists.flat();
      await readEnds(store, rows.map((r) => r.fromId), rows, participations.ends, found);
    }
  }
  if (relationships) {
    const pages = await store.relationshipsOf(ids, relationships.filter, relationships.page);
    ids.forEach((id, i) =>
      found.relationshipPages.push({ id, filter: relationships.filter, page: relationships.page, result: pages[i]! }),
    );
    if (relationships.ends) {
      const others = ids.flatMap((id, i) => pages[i]!.items.map((r) => (r.fromId === id ? r.toId : r.fromId)));
      await readEnds(store, others, pages.flatMap((p) => p.items), relationships.ends, found);
    }
  }
}

/** The ends and the bodies their relationships were on behalf of; the plan goes on below the ends only. */
async function readEnds(
  store: Reads,
  endIds: readonly string[],
  rows: readonly RelationshipRecord[],
  plan: ReadPlan,
  found: Found,
): Promise<void> {
  const ends = present(await store.getEntities(unique(endIds)));
  const behalfIds = found.withBehalf ? unique(rows.flatMap((r) => (r.onBehalfOfId ? [r.onBehalfOfId] : []))) : [];
  const behalf = present(await store.getEntities(behalfIds));
  for (const e of [...ends, ...behalf]) found.entities.set(e.id, e);
  await expand(store, ends, plan, found);
}

function present(records: readonly (EntityRecord | null)[]): EntityRecord[] {
  return records.filter((e): e is EntityRecord => e !== null);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
