import { compareStrings } from '../domain/compare';
import type { EntityKind } from '../domain/enums';
import type { EntityRecord } from '../domain/records';
import type { GraphStore } from '../ports/graph-store';
import { normalizeName } from '../search/normalize';
import { buildSearchDoc } from '../search/search-doc';

/** Enough to see every exact match of one name, which search ranks first. */
const PER_NAME = 20;

/**
 * Entities of the same kind that already carry one of these names (or aliases) once normalised:
 * "National Center for Human Rights" finds "National Centre for Human Rights". Uses the store's
 * search, so it costs one round trip per name rather than a scan.
 */
export async function possibleDuplicates(
  store: GraphStore,
  entity: { readonly kind: EntityKind; readonly name: string; readonly aliases: readonly string[] },
): Promise<EntityRecord[]> {
  const forms = new Set(buildSearchDoc(entity.name, entity.aliases).forms);
  const names = [...new Set([entity.name, ...entity.aliases])].filter((n) => normalizeName(n).length > 0);
  const pages = await Promise.all(
    names.map((text) => store.search({ text, kinds: [entity.kind], first: PER_NAME, offset: 0 })),
  );
  const found = new Map<string, EntityRecord>();
  for (const page of pages) {
    for (const candidate of page.items) {
      if (buildSearchDoc(candidate.name, candidate.aliases).forms.some((f) => forms.has(f))) found.set(candidate.id, candidate);
    }
  }
  return [...found.values()].sort((a, b) => compareStrings(a.id, b.id));
}
