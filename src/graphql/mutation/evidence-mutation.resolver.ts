import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import { badInput } from '../../domain/errors';
import type { EvidenceRecord } from '../../domain/records';
import type { EvidenceTarget } from '../../editing/edit-types';
import { Evidence } from '../evidence/evidence.type';
import { afterWrite, editorFor } from './editor';
import { EvidenceInput } from './evidence.input';

@Resolver()
export class EvidenceMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => [Evidence], {
    description: 'Adds evidence to exactly one of an entity or a relationship; returns all its evidence. EDITOR.',
  })
  async addEvidence(
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
    @Arg('relationshipId', () => ID, { nullable: true }) relationshipId: string | null,
    @Arg('evidence', () => EvidenceInput) evidence: EvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvidenceRecord[]> {
    return afterWrite(ctx, await editorFor(ctx).addEvidence(targetOf(entityId, relationshipId), { ...evidence }));
  }
}

function targetOf(entityId: string | null, relationshipId: string | null): EvidenceTarget {
  if (entityId != null && relationshipId == null) return { kind: 'entity', id: entityId };
  if (relationshipId != null && entityId == null) return { kind: 'relationship', id: relationshipId };
  throw badInput('Give exactly one of "entityId" and "relationshipId".');
}
