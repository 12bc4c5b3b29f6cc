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
  /** Name and aliases, normalised (src/search/normalize). */
  readonly forms: readonly string[];
}

/** Words that may continue an organization's name. */
export interface Vocabulary {
  has(token: string): boolean;
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
  readonly orgVocabulary: Vocabulary;
}

const PAGE = 5000;
const KINDS = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.EVENT];

/** Reads persons, organizations and events from any GraphStore, page by page, through the port. */
export async function buildGazetteer(store: GraphStore): Promise<GazetteerIndex> {
  const entities: EntityRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ first: PAGE, offset, kinds: KINDS, orderBy: EntityOrder.NAME });
    entities.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  return gazetteerFromEntities(entities);
}

export function gazetteerFromEntities(entities: readonly EntityRecord[]): GazetteerIndex {
  const index = new GazetteerIndex();
  for (const e of entities) index.put(e);
  return index;
}

/** The keys one entry was filed under, so it can be taken out again when its entity changes. */
interface Filed {
  readonly entry: GazetteerEntry;
  readonly keys: readonly (readonly [Map<string, GazetteerEntry[]>, string])[];
  readonly vocabulary: readonly string[];
}

/**
 * A gazetteer that can follow the graph: `put` files (or refiles) an entity under its current
 * names, `remove` takes it out, so a cache (gazetteer-cache.ts) applies what changed instead of
 * reading every entity again.
 */
export class GazetteerIndex implements Gazetteer {
  private readonly filed = new Map<string, Filed>();
  private readonly forms = new Map<string, GazetteerEntry[]>();
  private readonly surnames = new Map<string, GazetteerEntry[]>();
  private readonly acronyms = new Map<string, GazetteerEntry[]>();
  /** Organization-name tokens with how many organization names use them, so removal is exact. */
  private readonly vocabularyCounts = new Map<string, number>();
  private entryList: GazetteerEntry[] | null = [];
  /** Only grows: a longer window than needed costs time, never an answer. */
  maxFormTokens = 1;
  readonly orgVocabulary: Vocabulary = { has: (token) => this.vocabularyCounts.has(token) };

  get entries(): readonly GazetteerEntry[] {
    this.entryList ??= [...this.filed.values()].map((f) => f.entry);
    return this.entryList;
  }

  get size(): number {
    return this.filed.size;
  }

  byForm(form: string): readonly GazetteerEntry[] {
    return this.forms.get(form) ?? NONE;
  }

  bySurname(token: string): readonly GazetteerEntry[] {
    return this.surnames.get(token) ?? NONE;
  }

  byAcronym(acronym: string): readonly GazetteerEntry[] {
    return this.acronyms.get(acronym) ?? NONE;
  }

  /** Files `e` under its names, replacing what was filed for its id; other kinds are only removed. */
  put(e: EntityRecord): void {
    this.remove(e.id);
    if (!KINDS.includes(e.kind)) return;
    const forms: string[] = [];
    const keys: (readonly [Map<string, GazetteerEntry[]>, string])[] = [];
    const vocabulary: string[] = [];
    const key = (map: Map<string, GazetteerEntry[]>, k: string): void => {
      if (!keys.some(([m, existing]) => m === map && existing === k)) keys.push([map, k]);
    };
    for (const raw of [e.name, ...e.aliases]) {
      const form = normalizeName(raw);
      if (form === '') continue;
      forms.push(form);
      const tokens = form.split(' ');
      this.maxFormTokens = Math.max(this.maxFormTokens, tokens.length);
      key(this.forms, form);
      if (e.kind === EntityKind.PERSON && tokens.length >= 2) key(this.surnames, tokens.at(-1)!);
      if (e.kind === EntityKind.ORGANIZATION) {
        vocabulary.push(...tokens);
        const acronym = tokens.length === 1 ? form : acronymOf(raw);
        if (acronym && acronym.length >= 2) key(this.acronyms, acronym);
        // "UN OHCHR": the last all-capitals word of an alias stands for the body too ("OHCHR").
        const words = raw.split(/\s+/);
        if (words.length > 1 && words.every((w) => /^\p{Lu}{2,}$/u.test(w)) && tokens.at(-1)!.length >= 3) key(this.acronyms, tokens.at(-1)!);
      }
    }
    const entry: GazetteerEntry = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, orgType: e.orgType ?? null, forms };
    for (const [map, k] of keys) {
      const list = map.get(k);
      if (list) list.push(entry);
      else map.set(k, [entry]);
    }
    for (const token of vocabulary) this.vocabularyCounts.set(token, (this.vocabularyCounts.get(token) ?? 0) + 1);
    this.filed.set(e.id, { entry, keys, vocabulary });
    this.entryList = null;
  }

  remove(id: string): void {
    const filed = this.filed.get(id);
    if (!filed) return;
    for (const [map, k] of filed.keys) {
      const rest = map.get(k)!.filter((entry) => entry !== filed.entry);
      if (rest.length > 0) map.set(k, rest);
      else map.delete(k);
    }
    for (const token of filed.vocabulary) {
      const n = this.vocabularyCounts.get(token)! - 1;
      if (n > 0) this.vocabularyCounts.set(token, n);
      else this.vocabularyCounts.delete(token);
    }
    this.filed.delete(id);
    this.entryList = null;
  }
}

const NONE: readonly GazetteerEntry[] = [];
