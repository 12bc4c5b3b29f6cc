import type { EntityRecord } from '../../domain/records';

/**
 * Relationships are validated against their ends on the way in, so a dangling end is a broken
 * store, not bad input: it fails as an internal error (masked, logged with the request id).
 */
export function requireEntity(entity: EntityRecord | null, id: string): EntityRecord {
  if (!entity) throw new Error(`relationship end ${id} is missing from the store`);
  return entity;
}
