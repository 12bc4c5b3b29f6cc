import { DomainError, ErrorCode, badInput } from '../domain/errors';
import type { EntityRecord, RelationshipRecord } from '../domain/records';
import type { GraphStore } from '../ports/graph-store';
import { firstFreeId } from './ids';

export const notFound = (message: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, message);

/** The entity a mutation is about; NOT_FOUND, since the caller named it as the target. */
export async function targetEntity(store: GraphStore, id: string): Promise<EntityRecord> {
  const [entity] = await store.getEntities([id]);
  if (!entity) throw notFound(`There is no entity with id "${id}".`);
  return entity;
}

export async function targetRelationship(store: GraphStore, id: string): Promise<RelationshipRecord> {
  const [relationship] = await store.getRelationships([id]);
  if (!relationship) throw notFound(`There is no relationship with id "${id}".`);
  return relationship;
}

/** A given id must be free; an absent one becomes the first free of `base`, `base-2`, ... */
export async function newId(
  given: string | null | undefined,
  base: string,
  what: string,
  lookup: (ids: string[]) => Promise<readonly unknown[]>,
): Promise<string> {
  const exists = async (ids: string[]): Promise<boolean[]> => (await lookup(ids)).map((x) => x !== null);
  if (given) {
    const [taken] = await exists([given]);
    if (taken) throw badInput(`The ${what} id "${given}" is already taken; choose another or leave it out to have one generated.`);
    return given;
  }
  return firstFreeId(base, exists);
}
