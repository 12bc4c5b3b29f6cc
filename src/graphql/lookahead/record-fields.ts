import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  ALL_RECORD_FIELDS,
  type EntityField,
  type RecordFields,
  type RelationshipField,
} from '../../ports/read-plan';

type Needs = { readonly entity?: EntityField; readonly relationship?: RelationshipField };

/**
 * Per field of the types a planned read fills, which optional record field its resolver reads
 * (none: `{}`). A field missing here is not known to be safe, and reading it anywhere in the
 * operation makes the read fill every field.
 */
const ENTITY: Readonly<Record<string, Needs>> = {
  __typename: {},
  id: {},
  kind: {},
  name: {},
  aliases: { entity: 'aliases' },
  description: { entity: 'description' },
  orgType: { entity: 'orgType' },
  country: { entity: 'country' },
  date: { entity: 'date' },
  evidence: { entity: 'evidence' },
  // Loaded by id; what they return is walked on its own.
  relationships: {},
  participants: {},
};

const RELATIONSHIP: Readonly<Record<string, Needs>> = {
  __typename: {},
  id: {},
  type: {},
  from: {},
  to: {},
  role: { relationship: 'role' },
  onBehalfOf: { relationship: 'onBehalfOfId' },
  startDate: { relationship: 'startDate' },
  endDate: { relationship: 'endDate' },
  description: { relationship: 'description' },
  evidence: { relationship: 'evidence' },
};

/** Participant is read from a participation relationship (graphql/event). */
const PARTICIPANT: Readonly<Record<string, Needs>> = {
  __typename: {},
  entity: {},
  role: {},
  relationship: {},
  capacity: { relationship: 'role' },
  onBehalfOf: { relationship: 'onBehalfOfId' },
  evidence: { relationship: 'evidence' },
};

/** Types that only carry the above: their leaf fields and these object fields are safe. */
const CARRIERS: Readonly<Record<string, readonly string[]>> = {
  Query: ['entity'],
  RelationshipConnection: ['edges', 'pageInfo'],
  RelationshipEdge: ['node'],
  PageInfo: [],
  Evidence: ['source'],
  Source: [],
};

const byOperation = new WeakMap<OperationDefinitionNode, RecordFields>();

/**
 * The record fields a planned read must fill for this operation: the union over every selection
 * in it, not just the planned field's, because the records it brings are kept in the request's
 * loaders and any resolver of the request may meet them. Any field outside the known set anywhere
 * in the operation means every record field. Computed once per parsed operation.
 */
export function recordFieldsFor(info: GraphQLResolveInfo): RecordFields {
  let fields = byOperation.get(info.operation);
  if (fields === undefined) {
    fields = collectFields(info) ?? ALL_RECORD_FIELDS;
    byOperation.set(info.operation, fields);
  }
  return fields;
}

function collectFields(info: GraphQLResolveInfo): RecordFields | null {
  const root = info.schema.getRootType(info.operation.operation);
  const entity = new Set<EntityField>();
  const relationship = new Set<RelationshipField>();
  let counts = false;
  const entityTypes = new Set(['Entity', ...info.schema.getImplementations(entityInterface(info)).objects.map((t) => t.name)]);
  const visited = new Set<string>();

  const walk = (set: SelectionSetNode, type: GraphQLNamedType): boolean => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        if (!on || !walk(selection.selectionSet, on)) return false;
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        const on = fragment && info.schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on) return false;
        if (visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        if (!walk(fragment.selectionSet, on)) return false;
        continue;
      }
      const name = selection.name.value;
      const table = entityTypes.has(type.name) ? ENTITY : type.name === 'Relationship' ? RELATIONSHIP : type.name === 'Participant' ? PARTICIPANT : null;
      const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (table) {
        const needs = table[name];
        if (!needs) return false;
        if (needs.entity) entity.add(needs.entity);
        if (needs.relationship) relationship.add(needs.relationship);
      } else {
        // Totals and page info are read from a page's totalCount.
        if (type.name === 'RelationshipConnection' && (name === 'totalCount' || name === 'pageInfo')) counts = true;
        const carried = CARRIERS[type.name];
        const leaf = name === '__typename' || (definition !== undefined && isLeafType(getNamedType(definition.type)));
        if (!carried || !(leaf || carried.includes(name))) return false;
      }
      if (selection.selectionSet) {
        if (!definition || !walk(selection.selectionSet, getNamedType(definition.type))) return false;
      }
    }
    return true;
  };

  if (!root || !walk(info.operation.selectionSet, root)) return null;
  // In the stores' own order, so equal sets give one statement text.
  return {
    entity: ALL_RECORD_FIELDS.entity.filter((f) => entity.has(f)),
    relationship: ALL_RECORD_FIELDS.relationship.filter((f) => relationship.has(f)),
    counts,
  };
}

function entityInterface(info: GraphQLResolveInfo) {
  const type = info.schema.getType('Entity');
  if (!isInterfaceType(type)) throw new Error('the schema has no Entity interface');
  return type;
}
