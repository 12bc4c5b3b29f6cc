import { ALL_RECORD_FIELDS, type ReadPlan, type RecordFields } from '../../ports/read-plan';
import { hasDateWindow } from '../../domain/date-window';
import { Direction } from '../../domain/enums';
import { ENTITY_LABEL } from './labels';
import { EVIDENCE_KEYS } from './mapping';
import {
  participationMatch,
  PARTICIPATION_ORDER,
  relationshipMatch,
  RELATIONSHIP_ORDER,
} from './cypher';

/**
 * A ReadPlan as one statement: per entity asked, a nested list `[props, parts, rels, total]`
 * (null where the plan has no such part) whose `parts` and `rels` hold rows `[rel, end, behalf]`,
 * `end` being the same list one level down. Records come as lists of property values in the order
 * PlanColumns names them. Lists rather than maps: a map repeats its keys in every row, and on a
 * three-level read decoding those key strings was a tenth of the server's CPU (bench/README.md).
 * Each part is the statement of the port method it stands for (./cypher's participationMatch and
 * relationshipMatch, same order), as a COLLECT subquery, so a plan answers exactly what those
 * methods would.
 *
 * The text depends only on the plan's shape (which parts, which direction), never on its values:
 * values are parameters named by their place in the plan (`$p_types`, `$pr_first`: the
 * participations' types; the first of the relationships below the participants), so one shape is
 * one cached statement and one plan in Neo4j's plan cache.
 */
export function planStatement(plan: ReadPlan, fields: RecordFields = ALL_RECORD_FIELDS): string {
  return plannedStatement(plan, fields).text;
}

/** The statement and the columns of its record lists, made once per shape. */
export interface PlannedStatement {
  readonly text: string;
  readonly columns: PlanColumns;
}

/** The stored properties each record list holds, in order (./mapping's names). */
export interface PlanColumns {
  readonly entity: readonly string[];
  /** After the type and the two end ids, which every relationship list starts with. */
  readonly relationship: readonly string[];
}

/** planStatement with its columns, for the decoder (./read-planned), from the same cache entry. */
export function plannedStatement(plan: ReadPlan, fields: RecordFields = ALL_RECORD_FIELDS): PlannedStatement {
  const shape = `${shapeOf(plan)} ${fields.entity.join(',')} ${fields.relationship.join(',')} ${fields.counts}`;
  let planned = STATEMENTS.get(shape);
  if (planned === undefined) {
    const columns = {
      entity: properties(['id', 'kind', 'name'], fields.entity),
      relationship: properties(['id'], fields.relationship),
    };
    const projection = {
      ...columns,
      behalf: fields.relationship.includes('onBehalfOfId'),
      counts: fields.counts,
    };
    const text = `
  UNWIND $ids AS id
  MATCH (n0:${ENTITY_LABEL} {id: id})
  RETURN ${entityList('n0', plan, 1, '', projection)} AS tree`;
    planned = { text, columns };
    STATEMENTS.set(shape, planned);
  }
  return planned;
}

/** Shapes are few (the API builds plans from a handful of fields), so the cache needs no bound. */
const STATEMENTS = new Map<string, PlannedStatement>();

export function shapeOf(plan: ReadPlan | null): string {
  if (plan === null) return '-';
  const parts = plan.participations ? `p(${shapeOf(plan.participations.ends)})` : '';
  const rels = plan.relationships
    ? `r${plan.relationships.filter.direction}${hasDateWindow(plan.relationships.filter) ? 'w' : ''}(${shapeOf(plan.relationships.ends)})`
    : '';
  return `{${parts}${rels}}`;
}

/** What the record lists of a statement hold. */
interface Projection {
  readonly entity: readonly string[];
  readonly relationship: readonly string[];
  /** Read the bodies acted for (when onBehalfOfId is read). */
  readonly behalf: boolean;
  /** Count relationship pages. */
  readonly counts: boolean;
}

function properties(always: readonly string[], fields: readonly string[]): string[] {
  return [...always, ...fields.flatMap((f) => (f === 'evidence' ? EVIDENCE_KEYS : [f]))];
}

const values = (v: string, names: readonly string[]): string => `[${names.map((n) => `${v}.${n}`).join(', ')}]`;

/**
 * ./cypher's REL_ROW as a list: type, whether the entity above (`v`) is the start node, the other
 * end's id, then the projected properties. One end is always `v`, whose id the decoder knows, so
 * the row does not repeat it, and the other end's id is a property the row reads anyway.
 */
const relationshipList = (r: string, outgoing: string, end: string, projection: Projection): string =>
  `[type(${r}), ${outgoing}, ${end}.id, ${projection.relationship.map((n) => `${r}.${n}`).join(', ')}]`;

/** `v`'s list; `level` numbers the variables of its subqueries, `path` names their parameters. */
function entityList(v: string, plan: ReadPlan, level: number, path: string, projection: Projection): string {
  const s = String(level);
  let parts = 'null';
  if (plan.participations) {
    const p = `${path}p_`;
    parts = `COLLECT {
    ${participationMatch(v, s, p)}
    RETURN ${row(s, 'false', `p${s}`, plan.participations.ends, level, `${path}p`, projection)} AS x
    ORDER BY ${PARTICIPATION_ORDER(s, p)}
  }`;
  }
  let rels = 'null';
  let total = 'null';
  if (plan.relationships) {
    const p = `${path}r_`;
    const { filter } = plan.relationships;
    const match = relationshipMatch(filter.direction, v, s, p, hasDateWindow(filter));
    if (projection.counts) {
      total = `COUNT {
    ${match}
    RETURN r${s}
  }`;
    }
    rels = `COLLECT {
    ${match}
    RETURN ${row(s, OUTGOING[filter.direction](v, s), `o${s}`, plan.relationships.ends, level, `${path}r`, projection)} AS x
    ORDER BY ${RELATIONSHIP_ORDER(s)}
    SKIP $${p}offset LIMIT $${p}first
  }`;
  }
  return `[${values(v, projection.entity)}, ${parts}, ${rels}, ${total}]`;
}

/** Whether `v` starts relationship `r<s>` of relationshipMatch, which a direction mostly settles. */
const OUTGOING: Readonly<Record<Direction, (v: string, s: string) => string>> = {
  [Direction.OUTGOING]: () => 'true',
  [Direction.INCOMING]: () => 'false',
  [Direction.BOTH]: (v, s) => `startNode(r${s}) = ${v}`,
};

/** One relationship, and when the plan reads ends, the entity at `end` and the body acted for. */
function row(s: string, outgoing: string, end: string, ends: ReadPlan | null, level: number, path: string, projection: Projection): string {
  const rel = relationshipList(`r${s}`, outgoing, end, projection);
  if (ends === null) return `[${rel}, null, null]`;
  // A null id matches nothing, and [][0] is null.
  const behalf = projection.behalf
    ? `COLLECT { MATCH (b${s}:${ENTITY_LABEL} {id: r${s}.onBehalfOfId}) RETURN ${values(`b${s}`, projection.entity)} }[0]`
    : 'null';
  return `[${rel}, ${entityList(end, ends, level + 1, path, projection)}, ${behalf}]`;
}
