import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import { EntityKind } from '../../domain/enums';
import { badInput } from '../../domain/errors';
import { duplicateCandidates } from '../../editing/duplicate-candidates';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection/cursor';
import { DuplicateCandidate } from './duplicate-candidate.type';
import { pageOf } from '../limits/cost';

@Resolver()
export class DuplicatesResolver {
  @Authorized(Role.EDITOR)
  @Query(() => [DuplicateCandidate], {
    complexity: pageOf(),
    description:
      'Pairs of same-kind entities that may be duplicates (equal normalised names, initials and surname, ' +
      'look-alike letters, spelling variants, acronyms), most likely first. EDITOR.',
  })
  async duplicateCandidates(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
  ): Promise<DuplicateCandidate[]> {
    const n = first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}; got ${n}.`);
    const pairs = await duplicateCandidates(ctx.store, kind ?? null, n);
    return pairs.map((p) => ({ entities: [...p.entities], score: p.score, reason: p.reason }));
  }
}
