import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../scalars/partial-date.scalar';

@ObjectType({ simpleResolvers: true, description: 'A document that facts are quoted from.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the source has no known address.' })
  url!: string | null;

  @Field({ description: 'The whole stored text, which every quote is taken from verbatim (see Evidence.start and Evidence.end).' })
  text!: string;
}
