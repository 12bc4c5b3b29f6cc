import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EvidenceRecord } from '../../domain/records';
import { Source } from '../source/source.type';
import { Evidence } from './evidence.type';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source)
  async source(@Root() evidence: EvidenceRecord, @Ctx() ctx: RequestContext): Promise<Source> {
    const source = await ctx.loaders.source.load(evidence.sourceId);
    // Every quote is validated against a stored source on the way in; a miss is a broken store.
    if (!source) throw new Error(`evidence refers to missing source ${evidence.sourceId}`);
    return source;
  }
}
