import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../relationship/relationship.type';

@ObjectType({ simpleResolvers: true, description: 'A piece of the graph to draw: no duplicates, every relationship end among the nodes.' })
export class Subgraph {
  @Field(() => [Entity])
  nodes!: EntityRecord[];

  @Field(() => [Relationship])
  relationships!: RelationshipRecord[];

  @Field({ description: 'True when a limit or work cap cut the subgraph short.' })
  truncated!: boolean;

  @Field(() => GraphQLJSON, {
    description: 'The same subgraph as Cytoscape.js elements JSON (`cy.add(cytoscape)`), with evidence in edge data.',
  })
  cytoscape!: unknown;
}
