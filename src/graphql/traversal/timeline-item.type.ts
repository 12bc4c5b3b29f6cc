import { Field, ObjectType } from 'type-graphql';
import type { RelationshipRecord } from '../../domain/records';
import { Relationship } from '../relationship/relationship.type';
import { PartialDateScalar } from '../scalars/partial-date.scalar';

@ObjectType({ simpleResolvers: true, description: 'A dated fact about an entity.' })
export class TimelineItem {
  @Field(() => PartialDateScalar)
  date!: string;

  @Field(() => Relationship)
  relationship!: RelationshipRecord;

  @Field({ description: 'A readable sentence, e.g. "Chaired Concluding meeting of ...".' })
  summary!: string;
}
