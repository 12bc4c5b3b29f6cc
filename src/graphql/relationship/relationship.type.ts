import { Field, ID, ObjectType } from 'type-graphql';
import { RelationshipType } from '../../domain/enums';
import type { EvidenceRecord } from '../../domain/records';
import { Evidence } from '../evidence/evidence.type';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { listOf, TYPICAL } from '../limits/cost';

@ObjectType({ simpleResolvers: true, description: 'A sourced fact linking two entities: `from` TYPE `to`.' })
export class Relationship {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationshipType)
  type!: RelationshipType;

  @Field(() => String, { nullable: true, description: 'E.g. the post held ("Deputy Foreign Minister").' })
  role!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Evidence], { complexity: listOf(TYPICAL.EVIDENCE) })
  evidence!: EvidenceRecord[];

  fromId!: string;
  toId!: string;
  onBehalfOfId!: string | null;
}
