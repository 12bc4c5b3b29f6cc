import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import type { RelationshipRecord } from '../../domain/records';
import { Relationship } from '../relationship/relationship.type';
import { DeleteResult } from './delete-result.type';
import { afterWrite, editorFor } from './editor';
import { AddRelationshipInput, UpdateRelationshipInput } from './relationship.input';

@Resolver()
export class RelationshipMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Relationship, { description: 'Adds a relationship between two existing entities. EDITOR.' })
  async addRelationship(
    @Arg('input', () => AddRelationshipInput) input: AddRelationshipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RelationshipRecord> {
    return afterWrite(ctx, await editorFor(ctx).addRelationship({ ...input }));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Relationship, { description: 'Changes the given fields of a relationship. EDITOR.' })
  async updateRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRelationshipInput) input: UpdateRelationshipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RelationshipRecord> {
    return afterWrite(ctx, await editorFor(ctx).updateRelationship(id, { ...input }));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteResult, { description: 'Removes a relationship. EDITOR.' })
  async removeRelationship(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DeleteResult> {
    await editorFor(ctx).removeRelationship(id);
    return afterWrite(ctx, { id, removedRelationshipIds: [] });
  }
}
