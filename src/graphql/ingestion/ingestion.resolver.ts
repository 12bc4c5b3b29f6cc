import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import type { SourceRecord } from '../../domain/records';
import { IngestionStatus, ProposalStatus, type IngestionRecord } from '../../domain/review';
import { toConnection, type Connection } from '../connection/connection';
import { pageRequest } from '../connection/cursor';
import { Source } from '../source/source.type';
import { Ingestion, IngestionConnection } from './ingestion.type';
import { Proposal, toProposal } from './proposal.type';
import { listOf, pageOf, TYPICAL } from '../limits/cost';

/** The review queue is editorial work in progress, not published graph: EDITOR to read it too. */
@Resolver(() => Ingestion)
export class IngestionResolver {
  @Authorized(Role.EDITOR)
  @Query(() => IngestionConnection, {
    description: 'Filed documents, newest first; every status when `status` is absent. EDITOR.',
    complexity: pageOf(),
  })
  async ingestions(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => IngestionStatus, { nullable: true }) status: IngestionStatus | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<IngestionRecord>> {
    const page = pageRequest(first, after);
    return toConnection(await ctx.store.listIngestions(status ?? null, page), page);
  }

  @Authorized(Role.EDITOR)
  @Query(() => Ingestion, { nullable: true, description: 'One filed document by id; null when there is none. EDITOR.' })
  async ingestion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<IngestionRecord | null> {
    const [found] = await ctx.store.getIngestions([id]);
    return found ?? null;
  }

  @FieldResolver(() => Source, { description: 'The stored source the proposals quote.' })
  async source(@Root() ingestion: IngestionRecord, @Ctx() ctx: RequestContext): Promise<SourceRecord> {
    const source = await ctx.loaders.source.load(ingestion.sourceId);
    if (!source) throw new Error(`ingestion "${ingestion.id}" names source "${ingestion.sourceId}", which is not stored`);
    return source;
  }

  @FieldResolver(() => [Proposal], {
    description: 'Its proposals, entities first, in the order extraction found them; every status when absent.',
    complexity: listOf(TYPICAL.PROPOSALS),
  })
  async proposals(
    @Root() ingestion: IngestionRecord,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ProposalStatus, { nullable: true }) status: ProposalStatus | null,
  ): Promise<Proposal[]> {
    const proposals = await ctx.loaders.proposalsOf.load({ ingestionId: ingestion.id, status: status ?? null });
    return proposals.map(toProposal);
  }
}
