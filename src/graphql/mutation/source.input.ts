import { Field, ID, InputType } from 'type-graphql';
import { PartialDateScalar } from '../scalars/partial-date.scalar';

@InputType({ description: 'A source document; its text is what evidence quotes are checked against.' })
export class AddSourceInput {
  @Field(() => ID, { nullable: true, description: 'Generated from the title when absent.' })
  id?: string | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field({ description: 'The full text, exactly as published.' })
  text!: string;
}
