import { EntityKind, type OrgType } from '../domain/enums';
import type { EntityRecord } from '../domain/records';
import { EntityOrder, type GraphStore } from '../ports/graph-store';
import { acronymOf, normalizeName } from '../search/normalize';

/** A known actor, as extraction sees it. */
export interface GazetteerEntry {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly orgType: OrgType | null;
}

/**
 * The graph's own names, indexed by their normalised forms (src/search/normalize: case, accents,
 * Cyrillic look-alikes and spelling variants folded), so a mention matches the way search does.
 */
export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Entries whose name or an alias normalises to `form`. */
  byForm(form: string): readonly GazetteerEntry[];
  /** Persons whose name or an alias ends in this normalised token. */
  bySurname(token: string): readonly GazetteerEntry[];
  /** Entries with this acronym (of a multi-word name or alias), or whose single-token name/alias it is. */
  byAcronym(acronym: string): readonly GazetteerEntry[];
  /** The most tokens any form has: the longest window worth trying. */
  readonly maxFormTokens: number;
  /** Every token of every organization name: words that may continue an organization's name. */
  readonly orgVocabulary: ReadonlySet<string>;
}

const PAGE = 5000;
const KINDS = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.EVENT];

/** Reads persons, organizations and events from any GraphStore, page by page, through the port. */
export async function buildGazetteer(store: GraphStore): Promise<Gazetteer> {
  const entities: EntityRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ first: PAGE, offset, kinds: KINDS, orderBy: EntityOrder.NAME });
    entities.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  return gazetteerFromEntities(entities);
}

export function gazetteerFromEntities(entities: readonly EntityRecord[]): Gazetteer {
  const forms = new Map<string, GazetteerEntry[]>();
  const surnames = new Map<string, GazetteerEntry[]>();
  const acronyms = new Map<string, GazetteerEntry[]>();
  const orgVocabulary = new Set<string>();
  let maxFormTokens = 1;
  const push = (map: Map<string, GazetteerEntry[]>, key: string, entry: GazetteerEntry): void => {
    const list = map.get(key);
    if (!list) map.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  const entries: GazetteerEntry[] = [];
  for (const e of entities) {
    if (!KINDS.includes(e.kind)) continue;
    const entry: GazetteerEntry = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, orgType: e.orgType ?? null };
    entries.push(entry);
    for (const raw of [e.name, ...e.aliases]) {
      const form = normalizeName(raw);
      if (form === '') continue;
      const tokens = form.split(' ');
      maxFormTokens = Math.max(maxFormTokens, tokens.length);
      push(forms, form, entry);
      if (e.kind === EntityKind.PERSON && tokens.length >= 2) push(surnames, tokens.at(-1)!, entry);
      if (e.kind === EntityKind.ORGANIZATION) {
        for (const t of tokens) orgVocabulary.add(t);
        const acronym = tokens.length === 1 ? form : acronymOf(raw);
        if (acronym && acronym.length >= 2) push(acronyms, acronym, entry);
        // "UN OHCHR": the last all-capitals word of an alias stands for the body too ("OHCHR").
        const words = raw.split(/\s+/);
        if (words.length > 1 && words.every((w) => /^\p{Lu}{2,}$/u.test(w)) && tokens.at(-1)!.length >= 3) push(acronyms, tokens.at(-1)!, entry);
      }
    }
  }
  const none: readonly GazetteerEntry[] = [];
  return {
    entries,
    byForm: (form) => forms.get(form) ?? none,
    bySurname: (token) => surnames.get(token) ?? none,
    byAcronym: (acronym) => acronyms.get(acronym) ?? none,
    maxFormTokens,
    orgVocabulary,
  };
}
