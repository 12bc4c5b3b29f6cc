import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { badInput } from '../../domain/errors';
import { EntityKind } from '../../domain/enums';
import type { EntityRecord } from '../../domain/records';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../connection/cursor';
import { toConnection, type Connection } from '../connection/connection';
import { EntityConnection } from '../entity/entity-connection.type';
import { pageOf } from '../limits/cost';

export const MAX_SEARCH_LENGTH = 200;

@Resolver()
export class SearchResolver {
  @Query(() => EntityConnection, {
    complexity: pageOf(),
    description:
      'Finds entities by name or alias: case-, accent- and look-alike-insensitive, by initials ' +
      '("R. Vassilenko"), word prefixes ("Tursynbek") and acronyms ("OHCHR"). Exact and alias matches first.',
  })
  async search(
    @Ctx() ctx: RequestContext,
    @Arg('query') query: string,
    @Arg('kinds', () => [EntityKind], { nullable: true }) kinds: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<EntityRecord>> {
    const text = query.trim();
    if (text.length === 0) throw badInput('"query" is empty: give at least one letter or digit of a name.');
    if (text.length > MAX_SEARCH_LENGTH) {
      throw badInput(`"query" is ${text.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed.`);
    }
    if (!/[\p{L}\p{N}]/u.test(text)) throw badInput('"query" has no letter or digit to search for.');
    const page = pageRequest(first, after);
    return toConnection(await ctx.store.search({ ...page, text, kinds }), page);
  }
}
