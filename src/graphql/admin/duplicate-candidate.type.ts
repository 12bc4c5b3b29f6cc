import { Field, Float, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { listOf } from '../limits/cost';

@ObjectType({ simpleResolvers: true, description: 'Two entities whose names suggest they are one thing recorded twice.' })
export class DuplicateCandidate {
  @Field(() => [Entity], { description: 'The pair, lower id first.', complexity: listOf(2) })
  entities!: EntityRecord[];

  @Field(() => Float, { description: '0..1; higher is more likely the same.' })
  score!: number;

  @Field({ description: 'Why, with the two names compared, e.g. `spelling variant: "Centre" / "Center"`.' })
  reason!: string;
}
