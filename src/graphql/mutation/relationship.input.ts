import { Field, ID, InputType } from 'type-graphql';
import { RelationshipType } from '../../domain/enums';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { EvidenceInput } from './evidence.input';

/** The fields a relationship may carry beyond its type and ends: set on add, changed on update. */
@InputType()
abstract class RelationshipDetailsInput {
  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => ID, { nullable: true })
  onBehalfOfId?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: 'A new relationship `from` TYPE `to`, with at least one piece of evidence.' })
export class AddRelationshipInput extends RelationshipDetailsInput {
  @Field(() => ID, { nullable: true, description: 'Generated as rel-<fromId>-<type>-<toId> when absent.' })
  id?: string | null;

  @Field(() => RelationshipType)
  type!: RelationshipType;

  @Field(() => ID)
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field(() => [EvidenceInput])
  evidence!: EvidenceInput[];
}

@InputType({
  description: 'Fields to change; an absent field stays as it is, null clears it. Type and ends are fixed: remove and add instead.',
})
export class UpdateRelationshipInput extends RelationshipDetailsInput {}
