import { Field, ID, InputType } from 'type-graphql';
import { EntityKind, RelationshipType } from '../../domain/enums';
import { DocumentFormat } from '../../domain/review';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import './review.enums';

@InputType({ description: 'A document to extract facts from; stored as a source, its facts filed as proposals.' })
export class IngestDocumentInput {
  @Field(() => ID, { nullable: true, description: "The source's id; generated from the title when absent." })
  id?: string | null;

  @Field()
  title!: string;

  @Field({ description: 'The full text (or HTML, see format), exactly as published.' })
  text!: string;

  @Field(() => DocumentFormat, { defaultValue: DocumentFormat.TEXT })
  format!: DocumentFormat;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;
}

@InputType({
  description:
    'Fixes to a pending proposal; an absent field stays. Entity: name, kind, existingId (null: a new entity). ' +
    'Relationship: type, role, from, to (an existing entity id, or an entity proposal id of the same ingestion).',
})
export class UpdateProposalInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => EntityKind, { nullable: true })
  kind?: EntityKind | null;

  @Field(() => ID, { nullable: true })
  existingId?: string | null;

  @Field(() => RelationshipType, { nullable: true })
  type?: RelationshipType | null;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => ID, { nullable: true })
  from?: string | null;

  @Field(() => ID, { nullable: true })
  to?: string | null;
}
