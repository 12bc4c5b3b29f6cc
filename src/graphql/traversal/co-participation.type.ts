import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Event } from '../entity/entity-types';
import { listOf, TYPICAL } from '../limits/cost';

@ObjectType({ simpleResolvers: true, description: 'Someone who was at the same events.' })
export class CoParticipation {
  @Field(() => Entity)
  entity!: EntityRecord;

  @Field(() => Int, { description: 'Number of shared events.' })
  count!: number;

  @Field(() => [Event], { description: 'The shared events, newest first.', complexity: listOf(TYPICAL.SHARED_EVENTS) })
  events!: EntityRecord[];
}
