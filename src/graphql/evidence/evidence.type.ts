import { Field, Int, ObjectType } from 'type-graphql';
import { Confidence } from '../../domain/enums';
import { Source } from '../source/source.type';

@ObjectType({ simpleResolvers: true, description: 'Where a fact comes from: a verbatim quote from a source document.' })
export class Evidence {
  @Field(() => Source)
  source!: Source;

  @Field({ description: 'Verbatim text of the source that states the fact.' })
  quote!: string;

  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => Int, {
    description:
      'Where the quote starts in `source.text`, as a UTF-16 code-unit offset (a JavaScript string index), so ' +
      '`source.text.slice(start, end)` is exactly `quote`. Set when the evidence was stored.',
  })
  start!: number;

  @Field(() => Int, { description: 'Where the quote ends in `source.text`: the UTF-16 code-unit offset just after it (exclusive).' })
  end!: number;

  sourceId!: string;
}
