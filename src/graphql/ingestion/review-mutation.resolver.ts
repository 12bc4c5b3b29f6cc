import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import type { IngestionRecord } from '../../domain/review';
import { requireRole } from '../../auth/roles';
import { checkDocumentSize } from '../../review/extractor';
import { ReviewService } from '../../review/review-service';
import { afterWrite } from '../mutation/editor';
import { IngestDocumentInput, UpdateProposalInput } from './ingestion.input';
import { Ingestion } from './ingestion.type';
import { Proposal, toProposal } from './proposal.type';

function reviewFor(ctx: RequestContext): ReviewService {
  return new ReviewService(ctx.store, requireRole(ctx.caller, Role.EDITOR));
}

@Resolver()
export class ReviewMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Ingestion, {
    description:
      'Extracts facts from a document and files them for review: the source, the ingestion and its proposals in one ' +
      'write. The same text again answers the ingestion that filed it and proposes nothing twice. EDITOR.',
  })
  async ingestDocument(@Arg('input', () => IngestDocumentInput) input: IngestDocumentInput, @Ctx() ctx: RequestContext): Promise<IngestionRecord> {
    const review = reviewFor(ctx);
    const document = { title: input.title, text: input.text, format: input.format, publishedAt: input.publishedAt ?? null };
    checkDocumentSize(document);
    const extraction = await ctx.extractor(document, ctx.store);
    const { id, title, publisher, url } = input;
    // A dateline the extraction read stands in for a publication date the editor left out.
    const publishedAt = input.publishedAt ?? extraction.source.publishedAt;
    const { ingestion } = await review.file(extraction, { id, title, publisher, publishedAt, url });
    return afterWrite(ctx, ingestion);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => [Proposal], {
    description:
      'Writes the proposals as facts, with their quotes as evidence, in one audited write; accepting a relationship ' +
      'accepts the entity proposals it needs. Already accepted ones are answered as they are. EDITOR.',
  })
  async acceptProposals(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return afterWrite(ctx, (await reviewFor(ctx).accept(ids)).map(toProposal));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => [Proposal], { description: 'Rejects pending proposals, saying why. EDITOR.' })
  async rejectProposals(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Proposal[]> {
    return afterWrite(ctx, (await reviewFor(ctx).rejectProposals(ids, reason)).map(toProposal));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Proposal, { description: 'Fixes a pending proposal: a name, the existing entity it is, its type, its ends. EDITOR.' })
  async updateProposal(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProposalInput) input: UpdateProposalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Proposal> {
    return afterWrite(ctx, toProposal(await reviewFor(ctx).updateProposal(id, { ...input })));
  }
}
