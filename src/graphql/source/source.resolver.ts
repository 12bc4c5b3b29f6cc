import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { SourceRecord } from '../../domain/records';
import { BOUNDS, requireInRange } from '../traversal/bounds';
import { Citation, toCitation } from './citation.type';
import { Source } from './source.type';
import { listOf, pageOf, TYPICAL } from '../limits/cost';

const DEFAULT_CITATIONS = 500;

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { description: 'Every source document the graph quotes from.', complexity: listOf(TYPICAL.SOURCES) })
  async sources(@Ctx() ctx: RequestContext): Promise<Source[]> {
    return ctx.store.listSources();
  }

  @Query(() => Source, { nullable: true, description: 'One source document by id; null when there is none.' })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SourceRecord | null> {
    return ctx.loaders.source.load(id);
  }

  @FieldResolver(() => [Citation], {
    complexity: pageOf(DEFAULT_CITATIONS, BOUNDS.MAX_CITATIONS),
    description:
      'Every evidence item quoting this source, ordered by (start, end, holder id), entities before relationships at ' +
      `the same place: the first \`first\` of them (default ${DEFAULT_CITATIONS}, at most ${BOUNDS.MAX_CITATIONS}; ` +
      'more is BAD_USER_INPUT). `citationCount` says how many there are in all.',
  })
  async citations(
    @Root() source: SourceRecord,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_CITATIONS }) first: number | null,
  ): Promise<Citation[]> {
    const records = await ctx.loaders.citationsOf.load({
      sourceId: source.id,
      first: requireInRange('first', first ?? DEFAULT_CITATIONS, 1, BOUNDS.MAX_CITATIONS),
    });
    return records.map(toCitation);
  }

  @FieldResolver(() => Int, { description: 'How many evidence items quote this source: the length of `citations` uncapped.' })
  async citationCount(@Root() source: SourceRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.citationCount.load(source.id);
  }
}
