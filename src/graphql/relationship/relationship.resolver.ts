import { requireEntity } from '../entity/require-entity';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Relationship } from './relationship.type';

@Resolver(() => Relationship)
export class RelationshipResolver {
  @FieldResolver(() => Entity)
  async from(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): Promise<EntityRecord> {
    return requireEntity(await ctx.loaders.entity.load(r.fromId), r.fromId);
  }

  @FieldResolver(() => Entity)
  async to(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): Promise<EntityRecord> {
    return requireEntity(await ctx.loaders.entity.load(r.toId), r.toId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'For participations: the body the participant acted for.' })
  async onBehalfOf(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    return r.onBehalfOfId ? ctx.loaders.entity.load(r.onBehalfOfId) : null;
  }
}
