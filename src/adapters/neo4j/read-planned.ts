import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import {
  NOT_COUNTED,
  type PlannedParticipationsResult,
  type PlannedRead,
  type PlannedRelationshipsResult,
  type ReadPlan,
  type RecordFields,
} from '../../ports/read-plan';
import type { Neo4jRunner } from './driver';
import { distinct } from './fetch';
import { entityFromPlain, plainValues, relationshipFromPlain } from './mapping';
import { participationParams, relationshipFilterParams } from './params';
import { plannedStatement, type PlanColumns } from './plan-cypher';

/** A node of the statement's answer (./plan-cypher): the entity's values, its parts, its page, the page's total. */
type Tree = readonly [entity: readonly unknown[], parts: readonly Row[] | null, rels: readonly Row[] | null, total: number | null];

/** A relationship's values (type, whether the entity above starts it, the other end's id, then its properties), the entity at its end, the body acted for. */
type Row = readonly [rel: readonly unknown[], end: Tree | null, behalf: readonly unknown[] | null];

/** A plan in one statement, one round trip, one read transaction. */
export async function readPlanned(
  runner: Neo4jRunner,
  ids: readonly string[],
  plan: ReadPlan,
  fields: RecordFields,
): Promise<PlannedRead> {
  const unique = distinct(ids);
  const statement = plannedStatement(plan, fields);
  const found: Found = { roots: new Map(), entities: new Map(), participations: [], relationshipPages: [], columns: statement.columns };
  if (unique.length > 0) {
    await runner.readOne('readPlanned', statement.text, { ids: unique, ...planParams(plan, '') }, (records) => {
      for (const record of records) {
        const root = decode(record.get('tree') as Tree, plan, found);
        found.roots.set(root.id, root);
      }
    });
  }
  for (const id of found.roots.keys()) found.entities.delete(id);
  return {
    roots: ids.map((id) => found.roots.get(id) ?? null),
    entities: [...found.entities.values()],
    participations: found.participations,
    relationshipPages: found.relationshipPages,
  };
}

/** The parameters, named by their place in the plan as ./plan-cypher names them. */
export function planParams(plan: ReadPlan, path: string): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  const { participations, relationships } = plan;
  if (participations) {
    params = { ...params, ...prefixed(participationParams(participations.types), `${path}p_`) };
    if (participations.ends) params = { ...params, ...planParams(participations.ends, `${path}p`) };
  }
  if (relationships) {
    params = { ...params, ...prefixed(relationshipFilterParams(relationships.filter, relationships.page), `${path}r_`) };
    if (relationships.ends) params = { ...params, ...planParams(relationships.ends, `${path}r`) };
  }
  return params;
}

function prefixed(params: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [`${prefix}${k}`, v]));
}

interface Found {
  readonly roots: Map<string, EntityRecord>;
  readonly entities: Map<string, EntityRecord>;
  readonly participations: PlannedParticipationsResult[];
  readonly relationshipPages: PlannedRelationshipsResult[];
  readonly columns: PlanColumns;
}

function decode(tree: Tree, plan: ReadPlan, found: Found): EntityRecord {
  const [values, parts, rels, total] = tree;
  const entity = entityFromPlain(plainValues(found.columns.entity, values));
  const { participations, relationships } = plan;
  if (participations) {
    const rows = parts ?? [];
    found.participations.push({ eventId: entity.id, types: participations.types, rows: rows.map((x) => relationship(x[0], entity.id, found)) });
    if (participations.ends) decodeEnds(rows, participations.ends, found);
  }
  if (relationships) {
    const rows = rels ?? [];
    found.relationshipPages.push({
      id: entity.id,
      filter: relationships.filter,
      page: relationships.page,
      result: { items: rows.map((x) => relationship(x[0], entity.id, found)), totalCount: total ?? NOT_COUNTED },
    });
    if (relationships.ends) decodeEnds(rows, relationships.ends, found);
  }
  return entity;
}

function decodeEnds(rows: readonly Row[], plan: ReadPlan, found: Found): void {
  for (const [, end, behalf] of rows) {
    if (end) {
      const entity = decode(end, plan, found);
      found.entities.set(entity.id, entity);
    }
    if (behalf) {
      const entity = entityFromPlain(plainValues(found.columns.entity, behalf));
      found.entities.set(entity.id, entity);
    }
  }
}

/** A relationship list of ./plan-cypher (type, whether `parentId` starts it, the other end, properties). */
function relationship(values: readonly unknown[], parentId: string, found: Found): RelationshipRecord {
  const [type, outgoing, otherId] = values as [string, boolean, string];
  const props = plainValues(found.columns.relationship, values, 3);
  return outgoing ? relationshipFromPlain(type, parentId, otherId, props) : relationshipFromPlain(type, otherId, parentId, props);
}
