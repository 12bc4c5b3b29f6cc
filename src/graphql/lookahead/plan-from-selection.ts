import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { typesForRoles } from '../../domain/participation';
import type { ParticipationRole } from '../../domain/enums';
import { MAX_PLAN_DEPTH, RECORDS_ONLY, type ReadPlan } from '../../ports/read-plan';
import { relationshipsRequest, type RelationshipsArgs } from '../entity/relationships-request';

/**
 * The ReadPlan for an entity-valued field, read from the query's selection set: which
 * participants and relationships its selection will ask for below it, with the same arguments
 * the resolvers will pass to the loaders, so one planned read (ports/read-plan) primes what the
 * resolvers then find. Null when the selection reads nothing below the entity.
 *
 * Best effort by design: where a selection is ambiguous (two `relationships` with different
 * arguments under aliases), the first is planned and the rest load level by level as before;
 * arguments that would fail are left to the resolver to report. A plan can make a query cheaper,
 * never different.
 */
export function planFromSelection(info: GraphQLResolveInfo): ReadPlan | null {
  const plan = entityPlan(info, info.fieldNodes.map((node) => ({ node, type: info.parentType })), 0);
  return plan.participations || plan.relationships ? plan : null;
}

/** A field as selected, with the type its enclosing selection set is on. */
interface Selected {
  readonly node: FieldNode;
  readonly type: GraphQLNamedType;
}

function entityPlan(info: GraphQLResolveInfo, at: readonly Selected[], depth: number): ReadPlan {
  if (depth >= MAX_PLAN_DEPTH) return RECORDS_ONLY;
  const children = subfields(info, at);
  return {
    participations: participationsPlan(info, children.get('participants') ?? [], depth),
    relationships: relationshipsPlan(info, children.get('relationships') ?? [], depth),
  };
}

function participationsPlan(info: GraphQLResolveInfo, fields: readonly Selected[], depth: number): ReadPlan['participations'] {
  const first = fields[0];
  const args = first && argumentsOf<{ roles?: ParticipationRole[] | null }>(info, first);
  if (!first || !args) return null;
  const below = subfields(info, [first]);
  const entity = below.get('entity') ?? [];
  const readsEnds = entity.length > 0 || below.has('onBehalfOf');
  return { types: typesForRoles(args.roles), ends: readsEnds ? entityPlan(info, entity, depth + 1) : null };
}

function relationshipsPlan(info: GraphQLResolveInfo, fields: readonly Selected[], depth: number): ReadPlan['relationships'] {
  const first = fields[0];
  const args = first && argumentsOf<RelationshipsArgs>(info, first);
  if (!first || !args) return null;
  let request: ReturnType<typeof relationshipsRequest>;
  try {
    request = relationshipsRequest(args);
  } catch {
    return null;
  }
  const nodes = subfields(info, subfields(info, [first]).get('edges') ?? []).get('node') ?? [];
  const ends = subfields(info, nodes);
  const endFields = [...(ends.get('from') ?? []), ...(ends.get('to') ?? [])];
  const readsEnds = endFields.length > 0 || ends.has('onBehalfOf');
  return { ...request, ends: readsEnds ? entityPlan(info, endFields, depth + 1) : null };
}

/** Coerced arguments (defaults applied) as the resolver will get them; null when they do not coerce. */
function argumentsOf<T>(info: GraphQLResolveInfo, field: Selected): T | null {
  const definition = fieldDefinition(field);
  if (!definition) return null;
  try {
    return getArgumentValues(definition, field.node, info.variableValues) as T;
  } catch {
    return null;
  }
}

function fieldDefinition({ node, type }: Selected): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[node.name.value] : undefined;
}

/** The fields selected below some fields, by name, through inline fragments and fragment spreads. */
function subfields(info: GraphQLResolveInfo, fields: readonly Selected[]): Map<string, Selected[]> {
  const out = new Map<string, Selected[]>();
  for (const field of fields) {
    const returns = fieldDefinition(field)?.type;
    const type = returns ? getNamedType(returns) : undefined;
    if (type && field.node.selectionSet) collect(info, field.node.selectionSet, type, out, new Set());
  }
  return out;
}

function collect(
  info: GraphQLResolveInfo,
  set: SelectionSetNode,
  type: GraphQLNamedType,
  out: Map<string, Selected[]>,
  visited: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const list = out.get(selection.name.value) ?? [];
      list.push({ node: selection, type });
      out.set(selection.name.value, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
      if (on) collect(info, selection.selectionSet, on, out, visited);
    } else {
      const name = selection.name.value;
      const fragment = info.fragments[name];
      const on = fragment && info.schema.getType(fragment.typeCondition.name.value);
      if (fragment && on && !visited.has(name)) {
        visited.add(name);
        collect(info, fragment.selectionSet, on, out, visited);
      }
    }
  }
}
