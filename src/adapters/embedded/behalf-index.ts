/**
 * Relationship ids by the entity they were made on behalf of. That entity is not an end of the
 * edge, so without this index finding what still refers to an entity would scan every
 * relationship.
 */
export class BehalfIndex {
  private readonly byEntity = new Map<string, Set<string>>();

  add(entityId: string, relationshipId: string): void {
    const ids = this.byEntity.get(entityId);
    if (ids) ids.add(relationshipId);
    else this.byEntity.set(entityId, new Set([relationshipId]));
  }

  remove(entityId: string, relationshipId: string): void {
    const ids = this.byEntity.get(entityId);
    if (!ids) return;
    ids.delete(relationshipId);
    if (ids.size === 0) this.byEntity.delete(entityId);
  }

  of(entityId: string): ReadonlySet<string> {
    return this.byEntity.get(entityId) ?? NONE;
  }
}

const NONE: ReadonlySet<string> = new Set();
