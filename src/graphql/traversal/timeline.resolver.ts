import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { badInput } from '../../domain/errors';
import type { EntityRecord } from '../../domain/records';
import { summarize } from '../../domain/summary';
import { Entity } from '../entity/entity.interface';
import { requireEntity } from '../entity/require-entity';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { TimelineItem } from './timeline-item.type';
import { listOf, TYPICAL } from '../limits/cost';

@Resolver(() => Entity)
export class TimelineResolver {
  @FieldResolver(() => [TimelineItem], {
    complexity: listOf(TYPICAL.TIMELINE_ITEMS),
    description: 'Dated facts about this entity, oldest first; a year sorts before its months ("2013" before "2013-05").',
  })
  async timeline(
    @Root() entity: EntityRecord,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => PartialDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => PartialDateScalar, { nullable: true }) to: string | null,
  ): Promise<TimelineItem[]> {
    if (from && to && to < from && !from.startsWith(to)) throw badInput(`"to" (${to}) is before "from" (${from}).`);
    const items = await ctx.loaders.timeline.load({ id: entity.id, window: { from, to } });
    const others = await ctx.loaders.entity.loadMany(
      items.map((i) => (i.relationship.fromId === entity.id ? i.relationship.toId : i.relationship.fromId)),
    );
    return items.map((item, i) => {
      const r = item.relationship;
      const other = others[i];
      const otherId = r.fromId === entity.id ? r.toId : r.fromId;
      const otherEntity = requireEntity(other instanceof Error ? null : (other ?? null), otherId);
      return { date: item.date, relationship: r, summary: summarize(r.type, r.fromId === entity.id, otherEntity.name, r.role) };
    });
  }
}
