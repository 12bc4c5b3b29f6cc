import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Direction, RelationshipType } from '../../domain/enums';
import type { EntityRecord } from '../../domain/records';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../connection/cursor';
import { toConnection, type Connection } from '../connection/connection';
import { RelationshipConnection } from '../connection/relationship-connection.type';
import type { RelationshipRecord } from '../../domain/records';
import { Entity } from './entity.interface';

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id; null when there is none.' })
  async entity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(id);
  }

  @FieldResolver(() => RelationshipConnection, { description: 'Sourced relationships of this entity, ordered by type then id.' })
  async relationships(
    @Root() entity: EntityRecord,
    @Ctx() ctx: RequestContext,
    @Arg('types', () => [RelationshipType], { nullable: true }) types: RelationshipType[] | null,
    @Arg('direction', () => Direction, { nullable: true, defaultValue: Direction.BOTH }) direction: Direction | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<RelationshipRecord>> {
    const page = pageRequest(first, after);
    const result = await ctx.loaders.relationshipsOf.load({
      id: entity.id,
      filter: { types: types?.length ? types : null, direction: direction ?? Direction.BOTH },
      page,
    });
    return toConnection(result, page);
  }
}
