import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'What a delete removed.' })
export class DeleteResult {
  @Field(() => ID, { description: 'The entity or relationship deleted.' })
  id!: string;

  @Field(() => [ID], { description: 'Relationships removed along with an entity (cascade); empty otherwise.' })
  removedRelationshipIds!: string[];
}
