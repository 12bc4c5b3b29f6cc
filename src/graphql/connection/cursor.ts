import { badInput } from '../../domain/errors';
import type { PageRequest } from '../../ports/graph-store';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const PREFIX = 'offset:';
/**
 * No listing is this long, so no issued cursor holds a larger offset; Neo4j indexes lists with
 * 32-bit integers, and a page must end below 2^31 there.
 */
const MAX_OFFSET = 2 ** 31 - 1 - MAX_PAGE_SIZE - 1;

/** Opaque to clients; an offset inside, since both stores order every listing deterministically. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET || encodeCursor(offset) !== cursor) {
    throw badInput(`"after" is not a cursor this API issued: pass an endCursor or edge cursor from an earlier page.`);
  }
  return offset;
}

/** Validates Relay arguments and turns them into the port's offset paging. */
export function pageRequest(requested: number | null | undefined, after: string | null | undefined): PageRequest {
  const first = requested ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`);
  }
  return { first, offset: after == null ? 0 : decodeCursor(after) + 1 };
}
