import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Direction, EntityKind, ParticipationRole, RelationshipType } from '../../domain/enums';
import { badInput } from '../../domain/errors';
import { typesForRoles } from '../../domain/participation';
import type { EntityRecord } from '../../domain/records';
import type { PathRecord } from '../../ports/traversals';
import { BOUNDS, requireInRange } from './bounds';
import { CoParticipation } from './co-participation.type';
import { cytoscapeElements } from '../../export/cytoscape-elements';
import { PathArgs, PathsArgs } from './path.args';
import { Path } from './path.type';
import { Subgraph } from './subgraph.type';
import { coParticipantsCost, neighborhoodCost, pathsCost } from '../limits/cost';

@Resolver()
export class TraversalResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'A shortest path between two entities; null when none within maxHops.',
    complexity: pathsCost(1),
  })
  async path(@Ctx() ctx: RequestContext, @Args(() => PathArgs) args: PathArgs): Promise<Path | null> {
    const [first] = await this.findPaths(ctx, args, 1);
    return first ?? null;
  }

  @Query(() => [Path], { description: 'All shortest paths (of minimal length), up to `first`, in a stable order.', complexity: pathsCost(5) })
  async paths(@Ctx() ctx: RequestContext, @Args(() => PathsArgs) args: PathsArgs): Promise<Path[]> {
    return this.findPaths(ctx, args, args.first ?? 5);
  }

  @Query(() => Subgraph, { description: 'The ego network around an entity, for drawing.', complexity: neighborhoodCost })
  async neighborhood(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth: number | null,
    @Arg('types', () => [RelationshipType], { nullable: true }) types: RelationshipType[] | null,
    @Arg('kinds', () => [EntityKind], { nullable: true }) kinds: EntityKind[] | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200 }) limit: number | null,
  ): Promise<Subgraph> {
    const result = await ctx.store.neighborhood({
      id,
      depth: requireInRange('depth', depth ?? 1, 1, BOUNDS.MAX_DEPTH),
      types,
      kinds,
      limit: requireInRange('limit', limit ?? 200, 1, BOUNDS.MAX_LIMIT),
    });
    const nodes = await loadAll(ctx, result.nodeIds);
    return { nodes, relationships: [...result.relationships], truncated: result.truncated, cytoscape: cytoscapeElements(nodes, result.relationships) };
  }

  @Query(() => [CoParticipation], {
    description: 'Who was at the same events as this person or organization, most shared first.',
    complexity: coParticipantsCost,
  })
  async coParticipants(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('roles', () => [ParticipationRole], { nullable: true }) roles: ParticipationRole[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<CoParticipation[]> {
    const records = await ctx.store.coParticipants({
      id,
      types: typesForRoles(roles),
      first: requireInRange('first', first ?? 20, 1, BOUNDS.MAX_LIMIT),
    });
    const entities = await loadAll(ctx, [...new Set(records.flatMap((r) => [r.entityId, ...r.eventIds]))]);
    const byId = new Map(entities.map((e) => [e.id, e]));
    return records.map((r) => ({
      entity: byId.get(r.entityId)!,
      count: r.count,
      events: r.eventIds.map((e) => byId.get(e)!),
    }));
  }

  private async findPaths(ctx: RequestContext, { from, to, maxHops, types, direction }: PathArgs, first: number): Promise<Path[]> {
    const records = await ctx.store.shortestPaths({
      fromId: from,
      toId: to,
      maxHops: requireInRange('maxHops', maxHops ?? 4, 1, BOUNDS.MAX_HOPS),
      types,
      direction: direction ?? Direction.BOTH,
      first: requireInRange('first', first, 1, BOUNDS.MAX_PATHS),
    });
    const nodes = await loadAll(ctx, [...new Set(records.flatMap((p) => p.nodeIds))]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return records.map((p: PathRecord) => ({
      length: p.relationships.length,
      nodes: p.nodeIds.map((n) => byId.get(n)!),
      relationships: [...p.relationships],
    }));
  }
}

/** Loads entities the store just named; a miss means the store changed under the request. */
async function loadAll(ctx: RequestContext, ids: readonly string[]): Promise<EntityRecord[]> {
  const loaded = await ctx.loaders.entity.loadMany(ids);
  return loaded.map((e, i) => {
    if (e instanceof Error) throw e;
    if (!e) throw badInput(`entity ${ids[i]} vanished while the request ran; try again.`);
    return e;
  });
}
