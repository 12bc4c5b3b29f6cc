import 'reflect-metadata';
import './enums';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { ENTITY_TYPES } from './entity/entity-types';
import { EntityResolver } from './entity/entity.resolver';
import { EventResolver } from './event/event.resolver';
import { EvidenceResolver } from './evidence/evidence.resolver';
import { RelationshipResolver } from './relationship/relationship.resolver';
import { SearchResolver } from './search/search.resolver';
import { SourceResolver } from './source/source.resolver';
import { TimelineResolver } from './traversal/timeline.resolver';
import { TraversalResolver } from './traversal/traversal.resolver';

export const RESOLVERS = [
  EntityResolver,
  EventResolver,
  EvidenceResolver,
  RelationshipResolver,
  SearchResolver,
  SourceResolver,
  TimelineResolver,
  TraversalResolver,
] as const;

let cached: GraphQLSchema | undefined;

/** The executable schema; built once per process (type-graphql metadata is global anyway). */
export function buildGraphqlSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: RESOLVERS,
    orphanedTypes: [...ENTITY_TYPES],
    validate: false,
  });
  return cached;
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printGraphqlSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildGraphqlSchema()))}\n`;
}
