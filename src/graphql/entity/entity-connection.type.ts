import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../../domain/records';
import { Entity } from './entity.interface';
import { PageInfo } from '../connection/page-info.type';

@ObjectType()
export class EntityEdge {
  @Field()
  cursor!: string;

  @Field(() => Entity)
  node!: EntityRecord;
}

@ObjectType()
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges!: EntityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
