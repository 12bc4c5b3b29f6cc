import { ALL_RECORD_FIELDS, type EntityField, type ReadPlan, type RecordFields, type RelationshipField } from '../../ports/read-plan';
import { hasDateWindow } from '../../domain/date-window';
import { ENTITY_LABEL } from './labels';
import {
  participationMatch,
  PARTICIPATION_ORDER,
  relationshipMatch,
  RELATIONSHIP_ORDER,
} from './cypher';

/**
 * A ReadPlan as one statement: per entity asked, a nested map `{props, parts?, rels?, total?}`
 * whose lists hold `{row, end?, behalf?}` and `end` is the same map one level down. Each part is
 * the statement of the port method it stands for (./cypher's participationMatch and
 * relationshipMatch, same order), as a COLLECT subquery, so a plan answers exactly what those
 * methods would.
 *
 * The text depends only on the plan's shape (which parts, which direction), never on its values:
 * values are parameters named by their place in the plan (`$p_types`, `$pr_first`: the
 * participations' types; the first of the relationships below the participants), so one shape is
 * one cached statement and one plan in Neo4j's plan cache.
 */
export function planStatement(plan: ReadPlan, fields: RecordFields = ALL_RECORD_FIELDS): string {
  const shape = `${shapeOf(plan)} ${fields.entity.join(',')} ${fields.relationship.join(',')} ${fields.counts}`;
  let statement = STATEMENTS.get(shape);
  if (statement === undefined) {
    const projection = {
      entity: entityProjection(fields.entity),
      relationship: relationshipProjection(fields.relationship),
      behalf: fields.relationship.includes('onBehalfOfId'),
      counts: fields.counts,
    };
    statement = `
  UNWIND $ids AS id
  MATCH (n0:${ENTITY_LABEL} {id: id})
  RETURN ${entityMap('n0', plan, 1, '', projection)} AS tree`;
    STATEMENTS.set(shape, statement);
  }
  return statement;
}

/** Shapes are few (the API builds plans from a handful of fields), so the cache needs no bound. */
const STATEMENTS = new Map<string, string>();

export function shapeOf(plan: ReadPlan | null): string {
  if (plan === null) return '-';
  const parts = plan.participations ? `p(${shapeOf(plan.participations.ends)})` : '';
  const rels = plan.relationships
    ? `r${plan.relationships.filter.direction}${hasDateWindow(plan.relationships.filter) ? 'w' : ''}(${shapeOf(plan.relationships.ends)})`
    : '';
  return `{${parts}${rels}}`;
}

/** The stored properties a projection reads (./mapping's names), as map projection keys. */
interface Projection {
  readonly entity: string;
  readonly relationship: string;
  /** Read the bodies acted for (when onBehalfOfId is read). */
  readonly behalf: boolean;
  /** Count relationship pages. */
  readonly counts: boolean;
}

const EVIDENCE_PROPERTIES = ['evidenceSourceIds', 'evidenceQuotes', 'evidenceConfidences', 'evidenceStarts', 'evidenceEnds'];

function properties(always: readonly string[], fields: readonly string[]): string {
  const names = [...always, ...fields.flatMap((f) => (f === 'evidence' ? EVIDENCE_PROPERTIES : [f]))];
  return names.map((n) => `.${n}`).join(', ');
}

const entityProjection = (fields: readonly EntityField[]): string => properties(['id', 'kind', 'name'], fields);
const relationshipProjection = (fields: readonly RelationshipField[]): string => properties(['id'], fields);

/** ./cypher's REL_ROW with only the projected properties. */
const projectedRow = (r: string, projection: Projection): string =>
  `{type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id, props: ${r} {${projection.relationship}}}`;

/** `v`'s map; `level` numbers the variables of its subqueries, `path` names their parameters. */
function entityMap(v: string, plan: ReadPlan, level: number, path: string, projection: Projection): string {
  const fields = [`props: ${v} {${projection.entity}}`];
  const s = String(level);
  if (plan.participations) {
    const p = `${path}p_`;
    fields.push(`parts: COLLECT {
    ${participationMatch(v, s, p)}
    RETURN ${row(s, `p${s}`, plan.participations.ends, level, `${path}p`, projection)} AS x
    ORDER BY ${PARTICIPATION_ORDER(s, p)}
  }`);
  }
  if (plan.relationships) {
    const p = `${path}r_`;
    const { filter } = plan.relationships;
    const match = relationshipMatch(filter.direction, v, s, p, hasDateWindow(filter));
    if (projection.counts) {
      fields.push(`total: COUNT {
    ${match}
    RETURN r${s}
  }`);
    }
    fields.push(
      `rels: COLLECT {
    ${match}
    RETURN ${row(s, `o${s}`, plan.relationships.ends, level, `${path}r`, projection)} AS x
    ORDER BY ${RELATIONSHIP_ORDER(s)}
    SKIP $${p}offset LIMIT $${p}first
  }`,
    );
  }
  return `{${fields.join(', ')}}`;
}

/** One relationship, and when the plan reads ends, the entity at `end` and the body acted for. */
function row(s: string, end: string, ends: ReadPlan | null, level: number, path: string, projection: Projection): string {
  const fields = [`row: ${projectedRow(`r${s}`, projection)}`];
  if (ends !== null) {
    fields.push(`end: ${entityMap(end, ends, level + 1, path, projection)}`);
    // A null id matches nothing, and [][0] is null.
    if (projection.behalf) fields.push(`behalf: COLLECT { MATCH (b${s}:${ENTITY_LABEL} {id: r${s}.onBehalfOfId}) RETURN b${s} {${projection.entity}} }[0]`);
  }
  return `{${fields.join(', ')}}`;
}
