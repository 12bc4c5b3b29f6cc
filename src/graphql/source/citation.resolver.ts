import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../relationship/relationship.type';
import { Citation } from './citation.type';

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'The entity whose evidence this is; null when it is a relationship\'s.' })
  async entity(@Root() citation: Citation, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    return citation.holderKind === 'entity' ? ctx.loaders.entity.load(citation.holderId) : null;
  }

  @FieldResolver(() => Relationship, {
    nullable: true,
    description: 'The relationship whose evidence this is; null when it is an entity\'s.',
  })
  async relationship(@Root() citation: Citation, @Ctx() ctx: RequestContext): Promise<RelationshipRecord | null> {
    return citation.holderKind === 'relationship' ? ctx.loaders.relationship.load(citation.holderId) : null;
  }
}
