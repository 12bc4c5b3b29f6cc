import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role, type ChangeRecord } from '../../domain/change';
import { badInput } from '../../domain/errors';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../connection/cursor';
import { toConnection, type Connection } from '../connection/connection';
import { ChangeConnection, type Change } from './change.type';
import { pageOf } from '../limits/cost';

@Resolver()
export class ChangesResolver {
  @Authorized(Role.EDITOR)
  @Query(() => ChangeConnection, { description: 'The audit log, oldest first. EDITOR.', complexity: pageOf() })
  async changes(
    @Ctx() ctx: RequestContext,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only changes that touched this id.' }) entityId: string | null,
    @Arg('since', () => String, { nullable: true, description: 'ISO 8601 timestamp; changes at or after it.' }) since: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Change>> {
    const page = pageRequest(first, after);
    // type-graphql passes an omitted nullable argument as undefined.
    const result = await ctx.store.changes({ ...page, entityId: entityId ?? null, since: since == null ? null : isoTimestamp(since) });
    return toConnection({ items: result.items.map(toChange), totalCount: result.totalCount }, page);
  }
}

/** Stored entries compare `at` as text, so `since` is brought to the same UTC form first. */
function isoTimestamp(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw badInput(`"since" must be an ISO 8601 timestamp such as 2024-05-01T12:00:00Z; got "${value.slice(0, 40)}".`);
  return new Date(ms).toISOString();
}

function toChange(record: ChangeRecord): Change {
  return {
    ...record,
    ids: [...record.ids],
    before: record.before === null ? null : (JSON.parse(record.before) as unknown),
    after: record.after === null ? null : (JSON.parse(record.after) as unknown),
  };
}
