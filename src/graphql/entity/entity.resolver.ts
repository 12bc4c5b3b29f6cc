import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Direction, EntityKind, RelationshipType } from '../../domain/enums';
import type { EntityRecord } from '../../domain/records';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../connection/cursor';
import { toConnection, type Connection } from '../connection/connection';
import { RelationshipConnection } from '../relationship/relationship-connection.type';
import type { RelationshipRecord } from '../../domain/records';
import { Entity } from './entity.interface';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { badInput } from '../../domain/errors';
import { EntityConnection } from './entity-connection.type';
import { EntityOrder } from '../../ports/graph-store';
import { EntityFilter } from './entity-filter.input';
import { relationshipsRequest, type RelationshipsArgs } from './relationships-request';
import type { SynchronousField } from '../synchronous-fields';
import { TYPE_NAME_OF_KIND } from './entity.interface';
import { planFromSelection } from '../lookahead/plan-from-selection';
import { recordFieldsFor } from '../lookahead/record-fields';
import { pageOf } from '../limits/cost';
import { nowOrLater } from '../../loaders/now-or-later';

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id; null when there is none.' })
  async entity(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityRecord | null> {
    // What the selection reads below the entity comes in the same round trip (ports/read-plan).
    const plan = planFromSelection(info);
    return plan ? ctx.loaders.planned.load({ id, plan, fields: recordFieldsFor(info) }) : ctx.loaders.entity.load(id);
  }

  @Query(() => EntityConnection, { description: 'Lists entities by kind and attributes.', complexity: pageOf() })
  async entities(
    @Ctx() ctx: RequestContext,
    @Arg('kinds', () => [EntityKind], { nullable: true }) kinds: EntityKind[] | null,
    @Arg('where', () => EntityFilter, { nullable: true }) where: EntityFilter | null,
    @Arg('orderBy', () => EntityOrder, { nullable: true, defaultValue: EntityOrder.NAME }) orderBy: EntityOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<EntityRecord>> {
    const page = pageRequest(first, after);
    const nameContains = where?.nameContains?.trim() || null;
    if (nameContains && nameContains.length > 200) throw badInput('"nameContains" is longer than 200 characters.');
    const result = await ctx.store.listEntities({
      ...page,
      kinds,
      country: where?.country ?? null,
      orgType: where?.orgType ?? null,
      nameContains,
      orderBy: orderBy ?? EntityOrder.NAME,
    });
    return toConnection(result, page);
  }

  @FieldResolver(() => RelationshipConnection, {
    description: 'Sourced relationships of this entity, ordered by type then id.',
    complexity: pageOf(),
  })
  relationships(
    @Root() entity: EntityRecord,
    @Ctx() ctx: RequestContext,
    @Arg('types', () => [RelationshipType], { nullable: true }) types: RelationshipType[] | null,
    @Arg('direction', () => Direction, { nullable: true, defaultValue: Direction.BOTH }) direction: Direction | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('activeAt', () => PartialDateScalar, {
      nullable: true,
      description: 'Held at some time within this date (a participation: its event is on that date). Undated facts drop out.',
    })
    activeAt: string | null,
    @Arg('from', () => PartialDateScalar, { nullable: true, description: 'Overlapping the window from this date on.' })
    from: string | null,
    @Arg('to', () => PartialDateScalar, { nullable: true, description: 'Overlapping the window up to this date.' })
    to: string | null,
    @Arg('otherKinds', () => [EntityKind], { nullable: true, description: 'Kinds of the entity at the other end.' })
    otherKinds: EntityKind[] | null,
  ): Connection<RelationshipRecord> | Promise<Connection<RelationshipRecord>> {
    return relationships(entity, ctx, { types, direction, first, after, activeAt, from, to, otherKinds });
  }
}

const ENTITY_TYPE_NAMES: ReadonlySet<string> = new Set(Object.values(TYPE_NAME_OF_KIND));

/** Entity.relationships, resolved at once under a planned read (../synchronous-fields.ts). */
export const RELATIONSHIPS_FIELD: SynchronousField = {
  on: (type) => ENTITY_TYPE_NAMES.has(type),
  field: 'relationships',
  resolve: (entity: EntityRecord, args: RelationshipsArgs, ctx) => relationships(entity, ctx, args),
};

/** Synchronous when a planned read brought the page (loaders/now-or-later.ts). */
function relationships(
  entity: EntityRecord,
  ctx: RequestContext,
  args: RelationshipsArgs,
): Connection<RelationshipRecord> | Promise<Connection<RelationshipRecord>> {
  const { filter, page } = relationshipsRequest(args);
  return nowOrLater(ctx.loaders.relationshipsOf.loadNow({ id: entity.id, filter, page }), (result) => toConnection(result, page));
}
