import { Direction, type EntityKind, type RelationshipType } from '../../domain/enums';
import { badInput } from '../../domain/errors';
import type { PageRequest, RelationshipFilter } from '../../ports/graph-store';
import { pageRequest } from '../connection/cursor';

/** The arguments of `Entity.relationships`, as graphql-js hands them over (defaults applied). */
export interface RelationshipsArgs {
  readonly types?: RelationshipType[] | null;
  readonly direction?: Direction | null;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly activeAt?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly otherKinds?: EntityKind[] | null;
}

/**
 * Arguments to the port's request, in one place: the resolver loads by it and the lookahead
 * (../lookahead) plans by it, and a planned page is only found again under an equal key.
 */
export function relationshipsRequest(args: RelationshipsArgs): { filter: RelationshipFilter; page: PageRequest } {
  const page = pageRequest(args.first, args.after);
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from && to && to < from && !from.startsWith(to)) throw badInput(`"to" (${to}) is before "from" (${from}).`);
  return {
    filter: {
      types: args.types?.length ? args.types : null,
      direction: args.direction ?? Direction.BOTH,
      activeAt: args.activeAt ?? null,
      from,
      to,
      otherKinds: args.otherKinds?.length ? args.otherKinds : null,
    },
    page,
  };
}
