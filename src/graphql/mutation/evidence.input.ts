import { Field, ID, InputType } from 'type-graphql';
import { Confidence } from '../../domain/enums';

@InputType({ description: 'A verbatim quote from a stored source that states the fact.' })
export class EvidenceInput {
  @Field(() => ID)
  sourceId!: string;

  @Field({ description: "Must appear verbatim in the source's text." })
  quote!: string;

  @Field(() => Confidence, { defaultValue: Confidence.HIGH })
  confidence!: Confidence;
}
