/**
 * Property-based tests over every argument of the graph mutations (sources, entities,
 * relationships, evidence, delete, merge), sent as variables through the real Apollo server with a
 * real context on both stores: data or coded errors, nothing leaked, and a refused write changes
 * nothing (store dump before and after).
 */
import * as fc from 'fast-check';
import { describeStore, STORE_KINDS } from '../support/stores';
import { arg, foundingQuote, inputObject, nastyBoolean, nastyCaller, nastyDate, nastyId, nastyList, nastyString, nastyUrl, variables } from './arbitraries';
import { ENUMS } from './enum-values';
import { useFuzzApi, type Pools } from './fuzz-api';
import {
  pickFrom,
  plausibleEntity,
  plausibleEntityChanges,
  plausibleHolder,
  plausibleRelationship,
  plausibleRelationshipChanges,
  plausibleSource,
  validEvidence,
} from './plausible-inputs';
import { describeWrites, withVariables, type WriteCase } from './write-property';

const ADD_SOURCE = 'mutation ($input: AddSourceInput!) { addSource(input: $input) { id title publishedAt url } }';
const CREATE_ENTITY = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id kind name aliases evidence { start end source { id } } } }';
const UPDATE_ENTITY = 'mutation ($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { id name aliases description } }';
const ADD_RELATIONSHIP = 'mutation ($input: AddRelationshipInput!) { addRelationship(input: $input) { id type role from { id } to { id } onBehalfOf { id } } }';
const UPDATE_RELATIONSHIP = 'mutation ($id: ID!, $input: UpdateRelationshipInput!) { updateRelationship(id: $id, input: $input) { id role startDate endDate } }';
const REMOVE_RELATIONSHIP = 'mutation ($id: ID!) { removeRelationship(id: $id) { id removedRelationshipIds } }';
const ADD_EVIDENCE = `mutation ($entityId: ID, $relationshipId: ID, $evidence: EvidenceInput!) {
  addEvidence(entityId: $entityId, relationshipId: $relationshipId, evidence: $evidence) { quote start end confidence }
}`;
const DELETE_ENTITY = 'mutation ($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { id removedRelationshipIds } }';
const MERGE_ENTITIES = 'mutation ($keep: ID!, $merge: [ID!]!) { mergeEntities(keep: $keep, merge: $merge) { id aliases } }';

const text = nastyString();
const country = fc.oneof(fc.constantFrom('KZ', 'kz', 'K', 'KZZ', 'UN', ' KZ'), text);

const evidence = (p: () => Pools) =>
  inputObject({
    sourceId: arg(nastyId(() => p().sourceIds, 10), { absent: 0 }),
    quote: arg(fc.oneof({ arbitrary: foundingQuote, weight: 4 }, { arbitrary: text, weight: 2 }), { absent: 0 }),
    confidence: arg(ENUMS.confidence),
  });
/** Evidence lists: a few items mostly; a long one repeats an item (each is checked against its source). */
const evidenceList = (p: () => Pools) => arg(nastyList(evidence(p), evidence(p), 500), { absent: 0 });

const entityIds = (p: () => Pools) => () => p().entityIds;
const relationshipIds = (p: () => Pools) => () => p().relationshipIds;
/**
 * Hostile variables mostly; one case in three (`hostileWeight` + 1 for the destructive ones, whose
 * acceptance restarts the store) valid in shape, so writes get accepted too.
 */
const orValid = (mutation: string, hostile: fc.Arbitrary<Record<string, unknown>>, valid: fc.Arbitrary<Record<string, unknown>>, hostileWeight = 2) =>
  withVariables(mutation, fc.oneof({ arbitrary: hostile, weight: hostileWeight }, { arbitrary: valid, weight: 1 }));

const CASES: readonly WriteCase[] = [
  {
    name: 'addSource',
    requests: (p) =>
      orValid(
        ADD_SOURCE,
        variables({
          input: arg(
            inputObject({
              id: arg(nastyId(() => p().sourceIds, 1)),
              title: arg(text, { absent: 0 }),
              text: arg(text, { absent: 0 }),
              publisher: arg(text),
              publishedAt: arg(nastyDate),
              url: arg(nastyUrl),
            }),
            { absent: 0 },
          ),
        }),
        fc.record({ input: plausibleSource }),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 40, neo4j: 25 },
    resetAfterAccepted: false,
  },
  {
    name: 'createEntity',
    requests: (p) =>
      orValid(
        CREATE_ENTITY,
        variables({
          input: arg(
            inputObject({
              id: arg(nastyId(entityIds(p), 1)),
              kind: arg(ENUMS.entityKind, { absent: 0 }),
              name: arg(text, { absent: 0 }),
              aliases: arg(nastyList(text, text, 2_000)),
              orgType: arg(ENUMS.orgType),
              country: arg(country),
              date: arg(nastyDate),
              description: arg(text),
              evidence: evidenceList(p),
            }),
            { absent: 0 },
          ),
        }),
        fc.record({ input: plausibleEntity }),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 40, neo4j: 25 },
    resetAfterAccepted: false,
  },
  {
    name: 'updateEntity',
    requests: (p) =>
      orValid(
        UPDATE_ENTITY,
        variables({
          id: arg(nastyId(entityIds(p)), { absent: 0 }),
          input: arg(
            inputObject({ name: arg(text), aliases: arg(nastyList(text, text, 2_000)), orgType: arg(ENUMS.orgType), country: arg(country), date: arg(nastyDate), description: arg(text) }),
            { absent: 0 },
          ),
        }),
        fc.record({ id: pickFrom(entityIds(p)), input: plausibleEntityChanges }),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 35, neo4j: 20 },
    resetAfterAccepted: false,
  },
  {
    name: 'addRelationship',
    requests: (p) =>
      orValid(
        ADD_RELATIONSHIP,
        variables({
          input: arg(
            inputObject({
              id: arg(nastyId(relationshipIds(p), 1)),
              type: arg(ENUMS.relationshipType, { absent: 0 }),
              fromId: arg(nastyId(entityIds(p), 10), { absent: 0 }),
              toId: arg(nastyId(entityIds(p), 10), { absent: 0 }),
              onBehalfOfId: arg(nastyId(entityIds(p))),
              role: arg(text),
              startDate: arg(nastyDate),
              endDate: arg(nastyDate),
              description: arg(text),
              evidence: evidenceList(p),
            }),
            { absent: 0 },
          ),
        }),
        fc.record({ input: plausibleRelationship(p) }),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 40, neo4j: 25 },
    resetAfterAccepted: false,
  },
  {
    name: 'updateRelationship',
    requests: (p) =>
      orValid(
        UPDATE_RELATIONSHIP,
        variables({
          id: arg(nastyId(relationshipIds(p)), { absent: 0 }),
          input: arg(
            inputObject({ role: arg(text), startDate: arg(nastyDate), endDate: arg(nastyDate), description: arg(text), onBehalfOfId: arg(nastyId(entityIds(p))) }),
            { absent: 0 },
          ),
        }),
        fc.record({ id: pickFrom(relationshipIds(p)), input: plausibleRelationshipChanges(p) }),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 35, neo4j: 20 },
    resetAfterAccepted: false,
  },
  {
    name: 'removeRelationship',
    requests: (p) => withVariables(REMOVE_RELATIONSHIP, variables({ id: arg(nastyId(relationshipIds(p), 1), { absent: 0 }) })),
    caller: nastyCaller('editor'),
    runs: { embedded: 25, neo4j: 15 },
    resetAfterAccepted: true,
  },
  {
    name: 'addEvidence',
    requests: (p) =>
      orValid(
        ADD_EVIDENCE,
        variables({
          entityId: arg(nastyId(entityIds(p), 4), { absent: 6 }),
          relationshipId: arg(nastyId(relationshipIds(p), 4), { absent: 6 }),
          evidence: arg(evidence(p), { absent: 0 }),
        }),
        fc.tuple(plausibleHolder(p), validEvidence).map(([holder, evidence]) => ({ ...holder, evidence })),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 35, neo4j: 20 },
    resetAfterAccepted: false,
  },
  {
    name: 'deleteEntity',
    requests: (p) =>
      orValid(
        DELETE_ENTITY,
        variables({ id: arg(nastyId(entityIds(p), 3), { absent: 0 }), cascade: arg(nastyBoolean) }),
        fc.record({ id: pickFrom(entityIds(p)), cascade: fc.constant(true) }),
        6,
      ),
    caller: nastyCaller('admin'),
    runs: { embedded: 25, neo4j: 15 },
    resetAfterAccepted: true,
  },
  {
    name: 'mergeEntities',
    requests: (p) =>
      orValid(
        MERGE_ENTITIES,
        variables({
          keep: arg(nastyId(entityIds(p), 3), { absent: 0 }),
          merge: arg(nastyList(nastyId(entityIds(p), 3), nastyId(entityIds(p), 3), 2_000), { absent: 0 }),
        }),
        fc.record({ keep: pickFrom(entityIds(p)), merge: fc.array(pickFrom(entityIds(p)), { minLength: 1, maxLength: 2 }) }),
        6,
      ),
    caller: nastyCaller('admin'),
    runs: { embedded: 25, neo4j: 15 },
    resetAfterAccepted: true,
  },
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('fuzzed graph mutation arguments', () => {
      describeWrites(`graph mutation arguments on ${kind}`, useFuzzApi(kind), CASES);
    });
  });
}
