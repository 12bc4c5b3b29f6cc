import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { EntityKind, ParticipationRole } from '../../domain/enums';
import { roleOf, typesForRoles } from '../../domain/participation';
import type { EntityRecord } from '../../domain/records';
import { EntityOrder } from '../../ports/graph-store';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../connection/cursor';
import { toConnection, type Connection } from '../connection/connection';
import { EntityConnection } from '../entity/entity-connection.type';
import { Event } from '../entity/entity-types';
import { requireEntity } from '../entity/require-entity';
import { Participant } from './participant.type';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { badInput } from '../../domain/errors';
import { listOf, pageOf, TYPICAL } from '../limits/cost';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EntityConnection, {
    complexity: pageOf(),
    description: 'Events, newest first; undated events last. `from`/`to` keep events dated within the window.',
  })
  async events(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('from', () => PartialDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => PartialDateScalar, { nullable: true }) to: string | null,
  ): Promise<Connection<EntityRecord>> {
    const page = pageRequest(first, after);
    if (from && to && to < from) throw badInput(`"to" (${to}) is before "from" (${from}).`);
    const result = await ctx.store.listEntities({
      ...page,
      kinds: [EntityKind.EVENT],
      orderBy: EntityOrder.DATE_DESC,
      dateFrom: from,
      dateTo: to,
    });
    return toConnection(result, page);
  }

  @FieldResolver(() => [Participant], {
    complexity: listOf(TYPICAL.PARTICIPANTS),
    description: 'Hosts, chairs, speakers, attendees and observers, in that order, each with evidence.',
  })
  async participants(
    @Root() event: EntityRecord,
    @Ctx() ctx: RequestContext,
    @Arg('roles', () => [ParticipationRole], { nullable: true }) roles: ParticipationRole[] | null,
  ): Promise<Participant[]> {
    const relationships = await ctx.loaders.participationsOf.load({ eventId: event.id, types: typesForRoles(roles) });
    const entities = await ctx.loaders.entity.loadMany(
      relationships.flatMap((r) => (r.onBehalfOfId ? [r.fromId, r.onBehalfOfId] : [r.fromId])),
    );
    const byId = new Map(entities.flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])));
    return relationships.map((r) => ({
      entity: requireEntity(byId.get(r.fromId) ?? null, r.fromId),
      role: roleOf(r.type)!,
      onBehalfOf: r.onBehalfOfId ? (byId.get(r.onBehalfOfId) ?? null) : null,
      capacity: r.role,
      evidence: [...r.evidence],
      relationship: r,
    }));
  }
}
