import { Field, InputType } from 'type-graphql';
import { OrgType } from '../../domain/enums';

@InputType({ description: 'Attribute filters for listing entities; all given ones must hold.' })
export class EntityFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "KZ".' })
  country?: string | null;

  @Field(() => OrgType, { nullable: true })
  orgType?: OrgType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, compared like search does: case, accents and look-alike letters ignored.',
  })
  nameContains?: string | null;
}
