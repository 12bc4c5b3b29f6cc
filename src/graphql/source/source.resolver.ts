import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Source } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { description: 'Every source document the graph quotes from.' })
  async sources(@Ctx() ctx: RequestContext): Promise<Source[]> {
    return ctx.store.listSources();
  }
}
