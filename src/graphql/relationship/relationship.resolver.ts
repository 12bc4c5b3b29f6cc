import { requireEntity } from '../entity/require-entity';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { nowOrLater } from '../../loaders/now-or-later';
import { Relationship } from './relationship.type';

@Resolver(() => Relationship)
export class RelationshipResolver {
  // Synchronous when a planned read brought the ends (loaders/now-or-later.ts).
  @FieldResolver(() => Entity)
  from(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): EntityRecord | Promise<EntityRecord> {
    return nowOrLater(ctx.loaders.entity.loadNow(r.fromId), (e) => requireEntity(e, r.fromId));
  }

  @FieldResolver(() => Entity)
  to(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): EntityRecord | Promise<EntityRecord> {
    return nowOrLater(ctx.loaders.entity.loadNow(r.toId), (e) => requireEntity(e, r.toId));
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'For participations: the body the participant acted for.' })
  onBehalfOf(@Root() r: RelationshipRecord, @Ctx() ctx: RequestContext): EntityRecord | null | Promise<EntityRecord | null> {
    return r.onBehalfOfId ? ctx.loaders.entity.loadNow(r.onBehalfOfId) : null;
  }
}
