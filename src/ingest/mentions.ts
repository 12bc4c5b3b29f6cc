import { EntityKind, OrgType } from '../domain/enums';
import { normalizeName } from '../search/normalize';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { INSTITUTION_WORDS, ORG_HEADS, organizationSpans, TITLE_WORDS } from './organizations';
import { resolveName, type ResolvedBy } from './resolve';
import { impliedOrganization, titleAt } from './titles';
import { isCapitalised, isInitial, type Word } from './words';

/** One actor of the document: a known entity or a new one, with every place the text names it. */
export interface DocActor {
  readonly key: string;
  readonly kind: EntityKind.PERSON | EntityKind.ORGANIZATION;
  name: string;
  readonly aliases: Set<string>;
  existingId: string | null;
  resolvedBy: ResolvedBy | null;
  /** Orgs named only through a title ("Deputy Minister of Foreign Affairs"): proposed, not seen as such. */
  implied: boolean;
  readonly skip: boolean;
}

export interface Mention {
  readonly actor: DocActor;
  readonly start: number;
  readonly end: number;
  /** Word indexes, inclusive. */
  readonly first: number;
  readonly last: number;
}

/** A title as written, with the organization it names or implies. */
export interface TitleMention {
  readonly role: string;
  readonly start: number;
  readonly end: number;
  readonly org: DocActor | null;
  /** The title names its organization (HIGH) rather than implying it (MEDIUM). */
  readonly explicit: boolean;
  readonly member: boolean;
  /** The titled person, or null ("the Head of the National Centre ..." with no name). */
  readonly person: Mention | null;
}

export interface DocMentions {
  readonly mentions: Mention[];
  readonly titles: TitleMention[];
  readonly actors: DocActor[];
}

const SPACE_OR_QUOTES = /^[ "“”«»]*$/;
const HONORIFIC = /^(Mr|Ms|Mrs|Dr)\.$/;
const SPEECH = /^(said|noted|stated|stressed|emphasi[sz]ed|highlighted|underlined|informed|presented|spoke|added|explained|announced|welcomed|proposed)$/;

/** Finds the persons and organizations of a document, each resolved to a known entity when it is one. */
export function findMentions(text: string, words: readonly Word[], gazetteer: Gazetteer): DocMentions {
  const actors = new Map<string, DocActor>();
  const mentions: Mention[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  const span = (a: number, b: number): string => text.slice(words[a]!.start, words[b]!.end);

  const actorFor = (kind: DocActor['kind'], written: string, entry: GazetteerEntry | null, by: ResolvedBy | null, implied = false): DocActor => {
    const resolution = entry ? { entry, by } : resolveName(gazetteer, kind, written);
    const known = resolution?.entry ?? null;
    let key = known ? `id:${known.id}` : `${kind}:${normalizeName(written)}`;
    if (!known && kind === EntityKind.ORGANIZATION) {
      // A later, shorter name of an organization already seen: "the Commission", "the Supreme Court".
      const form = normalizeName(written);
      const earlier = [...actors.values()].find((a) => a.kind === kind && normalizeName(a.name).startsWith(`${form} `));
      if (earlier) key = earlier.key;
    }
    if (!known && kind === EntityKind.PERSON) {
      // "R. Vassilenko" after "Roman Vassilenko" in the same text, by the search's initials rule.
      const t = normalizeName(written).split(' ');
      const earlier = [...actors.values()].find((a) => {
        if (a.kind !== kind) return false;
        const n = normalizeName(a.name).split(' ');
        return t.length === n.length && t.length > 1 && t.at(-1) === n.at(-1) && t.slice(0, -1).every((x, k) => x === n[k] || (x.length === 1 && n[k]!.startsWith(x)) || (n[k]!.length === 1 && x.startsWith(n[k]!)));
      });
      if (earlier) key = earlier.key;
    }
    let actor = actors.get(key);
    if (!actor) {
      const skip = known?.orgType === OrgType.STATE;
      actor = { key, kind, name: known?.name ?? written, aliases: new Set(), existingId: known?.id ?? null, resolvedBy: resolution?.by ?? null, implied, skip };
      actors.set(key, actor);
    }
    if (!implied) actor.implied = false;
    if (written !== actor.name) actor.aliases.add(written);
    return actor;
  };
  const add = (actor: DocActor, first: number, last: number): Mention => {
    const m = { actor, start: words[first]!.start, end: words[last]!.end, first, last };
    mentions.push(m);
    for (let i = first; i <= last; i++) taken[i] = true;
    return m;
  };

  // 1. Known names, longest first, then the organization-name rule.
  const known: { first: number; last: number; entry: GazetteerEntry }[] = [];
  for (let i = 0; i < words.length; i++) {
    const lower = !isCapitalised(words[i]!);
    for (let n = Math.min(gazetteer.maxFormTokens, words.length - i); n >= 1; n--) {
      let ok = true;
      for (let k = i + 1; k < i + n && ok; k++) ok = SPACE_OR_QUOTES.test(text.slice(words[k - 1]!.end, words[k]!.start));
      if (!ok) continue;
      const form = words.slice(i, i + n).map((w) => w.norm).join(' ');
      // Lower-case names are taken only for the graph's own collectives ("relevant ministries").
      const entries = gazetteer.byForm(form).filter((e) => e.kind !== EntityKind.EVENT && (!lower || e.orgType === OrgType.GROUP));
      if (entries.length !== 1) continue;
      known.push({ first: i, last: i + n - 1, entry: entries[0]! });
      i += n - 1;
      break;
    }
  }
  const rule = organizationSpans(text, words, gazetteer.orgVocabulary);
  const chosen: { first: number; last: number; entry: GazetteerEntry | null }[] = [];
  for (const r of rule) {
    if (known.some((k) => k.first <= r.last && k.last >= r.first && (k.first < r.first || k.last > r.last))) continue;
    const inside = known.filter((k) => k.first >= r.first && k.last <= r.last);
    const sameStart = inside.find((k) => k.first === r.first && k.entry.kind === EntityKind.ORGANIZATION);
    const tail = sameStart ? words[sameStart.last + 1] : undefined;
    if (sameStart && tail && !isCapitalised(tail)) continue;
    for (const k of inside) known.splice(known.indexOf(k), 1);
    chosen.push({ ...r, entry: null });
  }
  // "OHCHR", "KIBHR": a capitals-only word that is a known body's acronym.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!/^\p{Lu}{3,}$/u.test(w.surface) || known.some((k) => k.first <= i && i <= k.last) || chosen.some((c) => c.first <= i && i <= c.last)) continue;
    const r = resolveName(gazetteer, EntityKind.ORGANIZATION, w.surface);
    if (r) known.push({ first: i, last: i, entry: r.entry });
  }
  chosen.push(...known);
  chosen.sort((a, b) => a.first - b.first);
  for (const c of chosen) {
    if (taken[c.first] || taken[c.last]) continue;
    const written = span(c.first, c.last);
    const actor = c.entry ? actorFor(c.entry.kind as DocActor['kind'], written, c.entry, resolveName(gazetteer, c.entry.kind, written)?.by ?? 'SAME_NAME') : actorFor(EntityKind.ORGANIZATION, written, null, null);
    add(actor, c.first, c.last);
  }

  // 2. Titles, and the names they introduce.
  const titles: TitleMention[] = [];
  const orgAt = (i: number): Mention | undefined => mentions.find((m) => m.actor.kind === EntityKind.ORGANIZATION && m.first <= i && i <= m.last);
  const personAt = (i: number): Mention | undefined => mentions.find((m) => m.actor.kind === EntityKind.PERSON && m.first <= i && i <= m.last);
  const nameWord = (w: Word | undefined): boolean =>
    !!w && isCapitalised(w) && !w.surface.endsWith('.') && !INSTITUTION_WORDS.has(w.norm) && !ORG_HEADS.has(w.norm) && !TITLE_WORDS.has(w.norm) && !gazetteer.orgVocabulary.has(w.norm) && !/^\p{Lu}{2,}$/u.test(w.surface);
  const newPerson = (a: number, b: number): Mention => personAt(b) ?? add(actorFor(EntityKind.PERSON, span(a, b), null, null), a, b);
  const gap = (a: number, b: number): string => text.slice(words[a]!.end, words[b]!.start);

  for (let i = 0; i < words.length; i++) {
    const org0 = orgAt(i);
    if ((org0 && org0.first !== i) || personAt(i)) continue;
    const t = titleAt(text, words, i, (k) => {
      const p = personAt(k);
      return p && p.first === k ? p.last : null;
    }, (w) => INSTITUTION_WORDS.has(w.norm) || gazetteer.orgVocabulary.has(w.norm));
    if (!t) continue;
    let person: Mention | null = null;
    let roleEnd = t.last;
    const tailPerson = personAt(t.last);
    if (tailPerson && tailPerson.first > t.coreLast) {
      person = tailPerson;
      roleEnd = tailPerson.first - 1;
    } else if (t.last - 1 > t.coreLast && isInitial(words[t.last - 1]!) && nameWord(words[t.last])) {
      person = newPerson(t.last - 1, t.last);
      roleEnd = t.last - 2;
    } else if (t.last - 1 > t.coreLast && nameWord(words[t.last]) && nameWord(words[t.last - 1]) && !orgAt(t.last)) {
      person = newPerson(t.last - 1, t.last);
      roleEnd = t.last - 2;
    } else if (t.last === t.coreLast + 1 && nameWord(words[t.last]) && !orgAt(t.last)) {
      person = newPerson(t.last, t.last);
      roleEnd = t.coreLast;
    }
    if (!person && t.last + 1 < words.length && /^, $/.test(gap(t.last, t.last + 1))) {
      // "the Deputy Director of KIBHR, R. Akylbekova"
      const a = t.last + 1;
      if (personAt(a)) person = personAt(a)!;
      else if (isInitial(words[a]!) && nameWord(words[a + 1])) person = newPerson(a, a + 1);
      else if (nameWord(words[a]) && nameWord(words[a + 1]) && gap(a, a + 1) === ' ' && !nameWord(words[a + 2])) person = newPerson(a, a + 1);
    }
    const b = i - 1 - (i >= 1 && /^(the|a)$/i.test(words[i - 1]!.surface) ? 1 : 0);
    if (!person && b >= 1 && /^, (the |a )?$/.test(text.slice(words[b]!.end, words[i]!.start))) {
      // "Saltanat Tursynbekova, the Head of ..."
      const p = personAt(b);
      if (p) person = p;
      else if (isInitial(words[b - 1]!) && nameWord(words[b])) person = newPerson(b - 1, b);
      else if (nameWord(words[b]) && nameWord(words[b - 1]) && gap(b - 1, b) === ' ') person = newPerson(b - 1, b);
    }
    if (!person && org0) continue;
    const coreText = span(i, t.coreLast);
    const wholeText = span(i, Math.max(roleEnd, t.coreLast));
    let org: DocActor | null = null;
    let role = wholeText;
    let explicit = true;
    if (org0 && org0.first === i) {
      org = org0.actor;
      role = span(org0.first, org0.last);
    } else {
      for (let k = t.coreLast + 1; k <= roleEnd && !org; k++) org = orgAt(k)?.actor ?? null;
      if (org) role = coreText;
      else {
        const implied = impliedOrganization(wholeText);
        explicit = false;
        if (implied) org = actorFor(EntityKind.ORGANIZATION, implied, null, null, true);
      }
    }
    const end = person ? Math.max(person.end, words[roleEnd]!.end) : words[Math.max(roleEnd, t.coreLast)]!.end;
    const start = person ? Math.min(person.start, words[i]!.start) : words[i]!.start;
    titles.push({ role, start, end, org, explicit, member: /^member$/i.test(coreText), person });
    i = Math.max(i, roleEnd);
  }

  // 3. "Gulnar Abenova said": two name words right before a verb of speech.
  for (let i = 0; i + 2 < words.length; i++) {
    if (taken[i] || taken[i + 1] || !nameWord(words[i]) || !nameWord(words[i + 1]) || gap(i, i + 1) !== ' ' || gap(i + 1, i + 2) !== ' ') continue;
    if (i > 0 && /^ +$/.test(gap(i - 1, i)) && isCapitalised(words[i - 1]!)) continue;
    if (SPEECH.test(words[i + 2]!.surface) && !/^(In|On|At|The|During|Speaking)$/.test(words[i]!.surface)) add(actorFor(EntityKind.PERSON, span(i, i + 1), null, null), i, i + 1);
  }

  // 4. "Mr. Karin", a new "X. Surname", and surnames alone of persons already named.
  const surname = (a: DocActor): string => normalizeName(a.name).split(' ').at(-1)!;
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    const w = words[i]!;
    const next = words[i + 1];
    if ((HONORIFIC.test(w.surface) || isInitial(w)) && nameWord(next) && !taken[i + 1] && gap(i, i + 1) === ' ') {
      const doc = [...actors.values()].find((a) => a.kind === EntityKind.PERSON && surname(a) === next!.norm);
      if (doc && HONORIFIC.test(w.surface)) add(doc, i + 1, i + 1);
      else if (HONORIFIC.test(w.surface)) add(actorFor(EntityKind.PERSON, next!.surface, null, null), i + 1, i + 1);
      else add(actorFor(EntityKind.PERSON, span(i, i + 1), null, null), i, i + 1);
      i++;
      continue;
    }
    if (isCapitalised(w)) {
      const doc = [...actors.values()].find((a) => a.kind === EntityKind.PERSON && normalizeName(a.name).includes(' ') && surname(a) === w.norm);
      if (doc) add(doc, i, i);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, titles, actors: [...actors.values()] };
}
