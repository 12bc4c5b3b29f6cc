import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../relationship/relationship.type';

@ObjectType({ simpleResolvers: true, description: 'A chain of sourced relationships, in order from `from` to `to`.' })
export class Path {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [Entity])
  nodes!: EntityRecord[];

  @Field(() => [Relationship], { description: 'relationships[i] links nodes[i] and nodes[i + 1].' })
  relationships!: RelationshipRecord[];
}
