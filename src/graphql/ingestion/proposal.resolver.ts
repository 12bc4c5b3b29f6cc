import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { ProposalKind } from '../../domain/review';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../relationship/relationship.type';
import { Contradiction, Proposal } from './proposal.type';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'For an entity proposal, the existing entity it resolves to.' })
  async resolvedEntity(@Root() proposal: Proposal, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    if (proposal.kind !== ProposalKind.ENTITY || proposal.resolvesTo === null) return null;
    return ctx.loaders.entity.load(proposal.resolvesTo);
  }
}

@Resolver(() => Contradiction)
export class ContradictionResolver {
  @FieldResolver(() => Relationship, { nullable: true, description: 'The stored fact; null if it was removed since.' })
  async relationship(@Root() contradiction: Contradiction, @Ctx() ctx: RequestContext): Promise<RelationshipRecord | null> {
    return ctx.loaders.relationship.load(contradiction.relationshipId);
  }
}
