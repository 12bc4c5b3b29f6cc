import { Field, ID, ObjectType } from 'type-graphql';
import { IngestionStatus } from '../../domain/review';
import { connectionTypes } from '../connection/connection.type';
import './review.enums';

@ObjectType({ simpleResolvers: true, description: 'One document filed for review: its stored source and the facts proposed from it.' })
export class Ingestion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => IngestionStatus)
  status!: IngestionStatus;

  @Field({ description: 'ISO timestamp.' })
  createdAt!: string;

  @Field({ description: 'The token name that filed it.' })
  createdBy!: string;
}

export const IngestionConnection = connectionTypes<Ingestion>('Ingestion', () => Ingestion);
