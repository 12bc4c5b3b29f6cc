import { EntityKind } from '../domain/enums';
import { acronymOf, normalizeName, tokenize } from '../search/normalize';
import { parseQuery, SCORE, scoreDoc } from '../search/score';
import { buildSearchDoc } from '../search/search-doc';
import type { Gazetteer, GazetteerEntry } from './gazetteer';

/** Why a mention was taken for a known entity; the same reasons as the duplicate rules (src/editing). */
export type ResolvedBy = 'SAME_NAME' | 'INITIALS' | 'SURNAME' | 'ACRONYM' | 'COUNTRY_SUFFIX';

export interface Resolution {
  readonly entry: GazetteerEntry;
  readonly by: ResolvedBy;
}

// "Ministry of Foreign Affairs" for "Ministry of Foreign Affairs of the Republic of Kazakhstan".
const COUNTRY_SUFFIX = /^(of|to|in) (the )?(republic of )?[a-z]+$/;

/**
 * The one known entity of `kind` a written name denotes, or null when none or several could.
 * Rules, strongest first: same normalised name or alias; initials and surname ("R. Vassilenko",
 * both ways, as search scores them); a surname alone, when one person has it; an acronym
 * ("KIBHR", "OHCHR"); a name that lacks only its country ("... of the Republic of Kazakhstan").
 */
export function resolveName(gazetteer: Gazetteer, kind: EntityKind, written: string): Resolution | null {
  const form = normalizeName(written);
  if (form === '') return null;
  const ofKind = (list: readonly GazetteerEntry[]): GazetteerEntry[] => list.filter((e) => e.kind === kind);
  const one = (list: GazetteerEntry[], by: ResolvedBy): Resolution | null => (list.length === 1 ? { entry: list[0]!, by } : null);

  const same = ofKind(gazetteer.byForm(form));
  if (same.length > 0) return one(same, 'SAME_NAME');
  const tokens = form.split(' ');

  if (kind === EntityKind.PERSON) {
    const candidates = ofKind(gazetteer.bySurname(tokens.at(-1)!));
    if (tokens.length === 1) return one(candidates, 'SURNAME');
    const query = parseQuery(written);
    const initials = candidates.filter((e) =>
      [e.name, ...e.aliases].some(
        (n) => scoreDoc(query, buildSearchDoc(n, [])) === SCORE.INITIALS || scoreDoc(parseQuery(n), buildSearchDoc(written, [])) === SCORE.INITIALS,
      ),
    );
    return one(initials, 'INITIALS');
  }

  if (kind === EntityKind.ORGANIZATION) {
    const acronym = tokens.length === 1 ? form : acronymOf(written);
    if (acronym) {
      const byAcronym = ofKind(gazetteer.byAcronym(acronym)).filter((e) => tokens.length === 1 || tokenize(e.name).length === 1 || e.aliases.some((a) => tokenize(a).length === 1));
      const found = one(byAcronym, 'ACRONYM');
      if (found) return found;
    }
    const suffixed = gazetteer.entries.filter(
      (e) => e.kind === kind && e.forms.some((f) => f.startsWith(`${form} `) && COUNTRY_SUFFIX.test(f.slice(form.length + 1))),
    );
    return one(suffixed, 'COUNTRY_SUFFIX');
  }
  return null;
}
