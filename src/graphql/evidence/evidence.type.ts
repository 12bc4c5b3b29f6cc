import { Field, ObjectType } from 'type-graphql';
import { Confidence } from '../../domain/enums';
import { Source } from '../source/source.type';

@ObjectType({ description: 'Where a fact comes from: a verbatim quote from a source document.' })
export class Evidence {
  @Field(() => Source)
  source!: Source;

  @Field({ description: 'Verbatim text of the source that states the fact.' })
  quote!: string;

  @Field(() => Confidence)
  confidence!: Confidence;

  sourceId!: string;
}
