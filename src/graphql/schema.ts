import 'reflect-metadata';
import './enums';
import { isInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { ChangesResolver } from './admin/changes.resolver';
import { DuplicatesResolver } from './admin/duplicates.resolver';
import { ENTITY_TYPES } from './entity/entity-types';
import { entityTypeName } from './entity/entity.interface';
import { EntityResolver, RELATIONSHIPS_FIELD } from './entity/entity.resolver';
import { EventResolver, PARTICIPANTS_FIELD } from './event/event.resolver';
import { EvidenceResolver } from './evidence/evidence.resolver';
import { EntityMutationResolver } from './mutation/entity-mutation.resolver';
import { IngestionResolver } from './ingestion/ingestion.resolver';
import { ContradictionResolver, ProposalResolver } from './ingestion/proposal.resolver';
import { ReviewMutationResolver } from './ingestion/review-mutation.resolver';
import { EvidenceMutationResolver } from './mutation/evidence-mutation.resolver';
import { RelationshipMutationResolver } from './mutation/relationship-mutation.resolver';
import { SourceMutationResolver } from './mutation/source-mutation.resolver';
import { RelationshipResolver } from './relationship/relationship.resolver';
import { SearchResolver } from './search/search.resolver';
import { CitationResolver } from './source/citation.resolver';
import { SourceResolver } from './source/source.resolver';
import { TimelineResolver } from './traversal/timeline.resolver';
import { TraversalResolver } from './traversal/traversal.resolver';
import { withSynchronousFields } from './synchronous-fields';

export const RESOLVERS = [
  ChangesResolver,
  CitationResolver,
  ContradictionResolver,
  DuplicatesResolver,
  EntityMutationResolver,
  EntityResolver,
  EventResolver,
  EvidenceMutationResolver,
  EvidenceResolver,
  IngestionResolver,
  ProposalResolver,
  RelationshipMutationResolver,
  RelationshipResolver,
  ReviewMutationResolver,
  SearchResolver,
  SourceMutationResolver,
  SourceResolver,
  TimelineResolver,
  TraversalResolver,
] as const;

let cached: GraphQLSchema | undefined;

/** The executable schema; built once per process (type-graphql metadata is global anyway). */
export function buildGraphqlSchema(): GraphQLSchema {
  cached ??= withSynchronousFields(
    withSynchronousResolveType(
      buildSchemaSync({
        resolvers: RESOLVERS,
        orphanedTypes: [...ENTITY_TYPES],
        validate: false,
        authChecker,
      }),
    ),
    [PARTICIPANTS_FIELD, RELATIONSHIPS_FIELD],
  );
  return cached;
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printGraphqlSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildGraphqlSchema()))}\n`;
}

/**
 * type-graphql wraps an interface's resolveType in an async function, so every entity in an
 * answer would cost a promise, and each object holding one a Promise.all: on a nested read
 * (W3 of bench:peers, some 1,200 entities) most of the GraphQL work. graphql-js takes a
 * synchronous resolveType, which this puts back, the same function the interface declares.
 */
function withSynchronousResolveType(schema: GraphQLSchema): GraphQLSchema {
  const entity = schema.getType('Entity');
  if (!isInterfaceType(entity)) throw new Error('the schema has no Entity interface');
  entity.resolveType = entityTypeName;
  return schema;
}
