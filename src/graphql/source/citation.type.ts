import { Field, Int, ObjectType } from 'type-graphql';
import { Confidence } from '../../domain/enums';
import type { CitationRecord } from '../../domain/records';

@ObjectType({ simpleResolvers: true, description: 'One evidence item that quotes a source: the quoted span, and the fact it supports.' })
export class Citation {
  @Field({ description: 'Verbatim text of the source: `source.text.slice(start, end)`.' })
  quote!: string;

  @Field(() => Int, { description: 'Where the quote starts in the source\'s text (UTF-16 code units, as Evidence.start).' })
  start!: number;

  @Field(() => Int, { description: 'Where the quote ends in the source\'s text, exclusive (as Evidence.end).' })
  end!: number;

  @Field(() => Confidence)
  confidence!: Confidence;

  holderKind!: CitationRecord['holderKind'];
  holderId!: string;
}

export function toCitation({ holderKind, holderId, evidence }: CitationRecord): Citation {
  return { holderKind, holderId, quote: evidence.quote, start: evidence.start, end: evidence.end, confidence: evidence.confidence };
}
