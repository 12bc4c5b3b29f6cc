import { connectionTypes } from '../connection/connection.type';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeOperation } from '../../domain/change';
import './change-operation.enum';

@ObjectType({ simpleResolvers: true, description: 'One audit entry: who changed what, when, with the changed fields before and after.' })
export class Change {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO 8601 timestamp (UTC).' })
  at!: string;

  @Field({ description: 'The name of the token the change was made with.' })
  actor!: string;

  @Field(() => ChangeOperation)
  operation!: ChangeOperation;

  @Field(() => [ID], { description: 'Every entity, relationship or source the change touched.' })
  ids!: string[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields as they were; null for a creation.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields as they became; null for a deletion.' })
  after!: unknown;
}

export const ChangeConnection = connectionTypes<Change>('Change', () => Change);
