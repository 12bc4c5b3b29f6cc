import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { EntityKind, ParticipationRole } from '../../domain/enums';
import { roleOf, typesForRoles } from '../../domain/participation';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { nowOrLater } from '../../loaders/now-or-later';
import type { SynchronousField } from '../synchronous-fields';
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
  participants(
    @Root() event: EntityRecord,
    @Ctx() ctx: RequestContext,
    @Arg('roles', () => [ParticipationRole], { nullable: true }) roles: ParticipationRole[] | null,
  ): Participant[] | Promise<Participant[]> {
    return participants(event, ctx, roles);
  }
}

/** Event.participants, resolved at once under a planned read (../synchronous-fields.ts). */
export const PARTICIPANTS_FIELD: SynchronousField = {
  on: (type) => type === 'Event',
  field: 'participants',
  resolve: (event: EntityRecord, args: { roles?: ParticipationRole[] | null }, ctx) => participants(event, ctx, args.roles ?? null),
};

/** Synchronous when a planned read brought the participations and their entities (loaders/now-or-later.ts). */
function participants(event: EntityRecord, ctx: RequestContext, roles: ParticipationRole[] | null): Participant[] | Promise<Participant[]> {
  return nowOrLater(ctx.loaders.participationsOf.loadNow({ eventId: event.id, types: typesForRoles(roles) }), (relationships) => {
    const entities = ctx.loaders.entity;
    // Under a planned read every end is known: built in one pass, with no map or promise.
    const known: Participant[] = [];
    let waiting = false;
    for (const r of relationships) {
      const entity = entities.loadNow(r.fromId);
      const behalf = r.onBehalfOfId ? entities.loadNow(r.onBehalfOfId) : null;
      if (entity instanceof Promise || behalf instanceof Promise) waiting = true;
      else if (!waiting) known.push(participantOf(r, entity, behalf));
    }
    if (!waiting) return known;
    // The loads started above are batched into one store call; a failed one reads as missing.
    const ids = [...new Set(relationships.flatMap((r) => (r.onBehalfOfId ? [r.fromId, r.onBehalfOfId] : [r.fromId])))];
    return entities.loadMany(ids).then((loaded) => {
      const byId = new Map<string, EntityRecord>();
      for (const e of loaded) if (e && !(e instanceof Error)) byId.set(e.id, e);
      return relationships.map((r) => participantOf(r, byId.get(r.fromId) ?? null, r.onBehalfOfId ? (byId.get(r.onBehalfOfId) ?? null) : null));
    });
  });
}

function participantOf(r: RelationshipRecord, entity: EntityRecord | null, onBehalfOf: EntityRecord | null): Participant {
  return {
    entity: requireEntity(entity, r.fromId),
    role: roleOf(r.type)!,
    onBehalfOf,
    capacity: r.role,
    evidence: r.evidence,
    relationship: r,
  };
}
