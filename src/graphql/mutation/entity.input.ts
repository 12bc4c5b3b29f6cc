import { Field, ID, InputType } from 'type-graphql';
import { EntityKind, OrgType } from '../../domain/enums';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { EvidenceInput } from './evidence.input';

@InputType({ description: 'A new entity with at least one piece of evidence.' })
export class CreateEntityInput {
  @Field(() => ID, { nullable: true, description: 'Generated from the name (kebab-case) when absent.' })
  id?: string | null;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => OrgType, { nullable: true })
  orgType?: OrgType | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "KZ".' })
  country?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [EvidenceInput])
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Fields to change; an absent field stays as it is, null clears it.' })
export class UpdateEntityInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => OrgType, { nullable: true })
  orgType?: OrgType | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
