import type { EntityRecord } from '../../domain/records';
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
import { entityFromProps, relationshipFromRow, type Props, type RelationshipRow } from './mapping';
import { participationParams, relationshipFilterParams } from './params';
import { planStatement } from './plan-cypher';

/** A node of the statement's answer (./plan-cypher). */
interface Tree {
  readonly props: Props;
  readonly parts?: readonly Row[];
  readonly rels?: readonly Row[];
  readonly total?: number;
}

interface Row {
  readonly row: RelationshipRow;
  readonly end?: Tree;
  readonly behalf?: Props | null;
}

/** A plan in one statement, one round trip, one read transaction. */
export async function readPlanned(
  runner: Neo4jRunner,
  ids: readonly string[],
  plan: ReadPlan,
  fields: RecordFields,
): Promise<PlannedRead> {
  const unique = distinct(ids);
  const found: Found = { roots: new Map(), entities: new Map(), participations: [], relationshipPages: [] };
  if (unique.length > 0) {
    await runner.readOne('readPlanned', planStatement(plan, fields), { ids: unique, ...planParams(plan, '') }, (records) => {
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
}

function decode(tree: Tree, plan: ReadPlan, found: Found): EntityRecord {
  const entity = entityFromProps(tree.props);
  const { participations, relationships } = plan;
  if (participations) {
    const rows = tree.parts ?? [];
    found.participations.push({ eventId: entity.id, types: participations.types, rows: rows.map((x) => relationshipFromRow(x.row)) });
    if (participations.ends) decodeEnds(rows, participations.ends, found);
  }
  if (relationships) {
    const rows = tree.rels ?? [];
    found.relationshipPages.push({
      id: entity.id,
      filter: relationships.filter,
      page: relationships.page,
      result: { items: rows.map((x) => relationshipFromRow(x.row)), totalCount: tree.total ?? NOT_COUNTED },
    });
    if (relationships.ends) decodeEnds(rows, relationships.ends, found);
  }
  return entity;
}

function decodeEnds(rows: readonly Row[], plan: ReadPlan, found: Found): void {
  for (const x of rows) {
    if (x.end) {
      const end = decode(x.end, plan, found);
      found.entities.set(end.id, end);
    }
    if (x.behalf) found.entities.set(x.behalf.id as string, entityFromProps(x.behalf));
  }
}
