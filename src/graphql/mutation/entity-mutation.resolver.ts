import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import type { EntityRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { DeleteResult } from './delete-result.type';
import { afterWrite, editorFor } from './editor';
import { CreateEntityInput, UpdateEntityInput } from './entity.input';

export const POSSIBLE_DUPLICATE = 'POSSIBLE_DUPLICATE';

@Resolver()
export class EntityMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Entity, {
    description:
      'Creates an entity. When an entity of the same kind already bears one of its names, it is still ' +
      'created and `extensions.warnings` lists a POSSIBLE_DUPLICATE. EDITOR.',
  })
  async createEntity(@Arg('input', () => CreateEntityInput) input: CreateEntityInput, @Ctx() ctx: RequestContext): Promise<EntityRecord> {
    const { entity, possibleDuplicates } = await editorFor(ctx).createEntity({ ...input });
    for (const existing of possibleDuplicates) {
      ctx.warnings.push({
        code: POSSIBLE_DUPLICATE,
        message: `"${entity.name}" (${entity.id}) may be the same as "${existing.name}" (${existing.id}); mergeEntities can join them.`,
        existingId: existing.id,
      });
    }
    return afterWrite(ctx, entity);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Entity, { description: 'Changes the given fields of an entity. EDITOR.' })
  async updateEntity(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEntityInput) input: UpdateEntityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityRecord> {
    return afterWrite(ctx, await editorFor(ctx).updateEntity(id, { ...input }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeleteResult, {
    description: 'Deletes an entity; refused while relationships touch it, unless `cascade` removes them too. ADMIN.',
  })
  async deleteEntity(
    @Arg('id', () => ID) id: string,
    @Arg('cascade', () => Boolean, { nullable: true, defaultValue: false }) cascade: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DeleteResult> {
    const deleted = await editorFor(ctx).deleteEntity(id, cascade ?? false);
    return afterWrite(ctx, { id, removedRelationshipIds: [...deleted.removedRelationshipIds] });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Entity, {
    description:
      'Folds `merge` into `keep`: their names become aliases, their evidence and relationships (ids kept) move ' +
      'to `keep`, and they are deleted, in one write. Same kind only. ADMIN.',
  })
  async mergeEntities(
    @Arg('keep', () => ID) keep: string,
    @Arg('merge', () => [ID]) merge: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<EntityRecord> {
    return afterWrite(ctx, await editorFor(ctx).mergeEntities(keep, merge));
  }
}
