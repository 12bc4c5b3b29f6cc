import { Field, Int, ObjectType } from 'type-graphql';
import type { RelationshipRecord } from '../../domain/records';
import { Relationship } from './relationship.type';
import { PageInfo } from '../connection/page-info.type';

@ObjectType()
export class RelationshipEdge {
  @Field()
  cursor!: string;

  @Field(() => Relationship)
  node!: RelationshipRecord;
}

@ObjectType()
export class RelationshipConnection {
  @Field(() => [RelationshipEdge])
  edges!: RelationshipEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
