import type { RelationshipType } from '../domain/enums';
import { normalizeName } from '../search/normalize';

/** Room under the 200-character id limit for a `-NN` collision suffix. */
const MAX_SLUG = 180;

/**
 * Kebab-case ASCII from a name, folded as search folds it ("Centre" -> "center"); '' when nothing
 * is left. Words still holding non-ASCII letters are left out whole: look-alike folding turns only
 * some Cyrillic letters Latin, and half a word would make a misleading id.
 */
export function slugOf(name: string): string {
  return normalizeName(name)
    .split(' ')
    .filter((word) => /^[a-z0-9]+$/.test(word))
    .join('-')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

export function relationshipSlug(fromId: string, type: RelationshipType, toId: string): string {
  const kind = type.toLowerCase().replace(/_/g, '-');
  const full = `rel-${fromId}-${kind}-${toId}`;
  return full.length <= MAX_SLUG ? full : `rel-${slugOf(`${fromId} ${kind} ${toId}`)}`;
}

/** How many candidates one store round trip asks about. */
const BATCH = 20;

/**
 * The first of `base`, `base-2`, `base-3`, ... that `taken` reports free. `taken` is batch-first,
 * so a crowded name costs one round trip per twenty candidates, not one per candidate.
 */
export async function firstFreeId(base: string, taken: (ids: string[]) => Promise<boolean[]>): Promise<string> {
  for (let start = 1; ; start += BATCH) {
    const candidates = Array.from({ length: BATCH }, (_, i) => (start + i === 1 ? base : `${base}-${start + i}`));
    const used = await taken(candidates);
    const free = candidates.find((_, i) => !used[i]);
    if (free !== undefined) return free;
  }
}
