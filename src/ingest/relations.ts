import { Confidence, EntityKind, RelationshipType } from '../domain/enums';
import type { EventMention } from './event';
import { EVENT_REFERENCE } from './event';
import type { DocActor, Mention, TitleMention } from './mentions';
import type { Sentence } from './sentences';
import { NOT_PARTICIPATION, ON_BEHALF_OF, TRIGGERS } from './triggers';

/** A relationship found in the text, between document actors ('EVENT' for the reported event). */
export interface FoundRelation {
  readonly type: RelationshipType;
  readonly from: DocActor;
  readonly to: DocActor | 'EVENT' | null;
  readonly role: string | null;
  readonly onBehalfOf: DocActor | null;
  readonly confidence: Confidence;
  readonly start: number;
  readonly end: number;
  readonly reviewNote?: string;
}

interface Candidate {
  readonly mention: Mention;
  readonly role: string | null;
}

const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+as well as\s+|,\s+as well as\s+)(?:by\s+)?(?:the\s+)?(?:representatives of\s+(?:the\s+)?)?$/i;
const PRONOUN = /^\s*(?:He|She)\b/;
const MAX_SUBJECT_GAP = 200;

/** Extends an active quote to the end of its clause, so it says what was done, not just who. */
function clauseEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const stop = rest.search(/[,;.](?:\s|$)/);
  if (stop >= 0 && stop <= 140) return from + stop;
  const cut = rest.slice(0, 80).lastIndexOf(' ');
  return cut > 0 ? from + cut : from;
}

export function findRelations(
  text: string,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  titles: readonly TitleMention[],
  event: EventMention | null,
): FoundRelation[] {
  const out: FoundRelation[] = [];
  // Organizations named only inside a named person's title are affiliations, not participants.
  const affiliation = new Set<Mention>();
  const titledOrgRole = new Map<Mention, string | null>();
  for (const t of titles) {
    for (const m of mentions) {
      if (m.actor.kind !== EntityKind.ORGANIZATION || m.start < t.start || m.end > t.end) continue;
      if (t.person) affiliation.add(m);
      else if (!titledOrgRole.has(m)) titledOrgRole.set(m, t.role === m.actor.name ? null : t.role);
    }
  }
  const positionOf = (a: DocActor): TitleMention | undefined => titles.find((t) => t.person?.actor === a && t.org);
  const titleOf = (a: DocActor): TitleMention | undefined => titles.find((t) => t.person?.actor === a);
  let lastSpeaker: DocActor | null = null;

  for (const s of sentences) {
    const inS = mentions.filter((m) => m.start >= s.start && m.end <= s.end && !m.actor.skip && !affiliation.has(m));
    const negative: [number, number][] = [];
    for (const n of s.text.matchAll(NOT_PARTICIPATION)) negative.push([s.start + n.index, s.end]);
    const behalf = [...s.text.matchAll(ON_BEHALF_OF)].map((b) => inS.find((m) => m.start >= s.start + b.index + b[0].length && m.actor.kind === EntityKind.ORGANIZATION));
    const behalfOrgs = new Set(behalf.filter((m): m is Mention => !!m));
    const ok = inS.filter((m) => !negative.some(([a, b]) => m.start >= a && m.end <= b) && !behalfOrgs.has(m));
    const found = TRIGGERS.flatMap((tr) => [...s.text.matchAll(tr.pattern)].map((m) => ({ tr, start: s.start + m.index, end: s.start + m.index + m[0].length })))
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((f, i, all) => !all.some((g, j) => j < i && g.start <= f.start && f.end <= g.end));
    const observers = found.some((f) => f.tr.type === RelationshipType.OBSERVES);
    const refersToEvent = (event && s === event.sentence) || EVENT_REFERENCE.test(s.text);
    let spoke = false;
    const candidate = (m: Mention): Candidate => {
      const pre = text.slice(Math.max(s.start, m.start - 20), m.start);
      return { mention: m, role: titledOrgRole.get(m) ?? (/representatives of (?:the )?$/i.test(pre) ? 'representatives' : null) };
    };

    for (const [idx, f] of found.entries()) {
      let type = f.tr.type;
      if (type === RelationshipType.ATTENDED && observers) type = RelationshipType.OBSERVES;
      if (type === RelationshipType.HOSTED && !refersToEvent) continue;
      const kinds = type === RelationshipType.HOSTED ? [EntityKind.ORGANIZATION] : type === RelationshipType.CHAIRED || type === RelationshipType.SPOKE_AT ? [EntityKind.PERSON] : [EntityKind.PERSON, EntityKind.ORGANIZATION];
      const usable = ok.filter((m) => kinds.includes(m.actor.kind));
      let actors: Candidate[] = [];
      const confidence = Confidence.HIGH;
      let quoteStart = f.start;
      let quoteEnd = f.end;
      const isActive = f.tr.voice === 'active' || type === RelationshipType.OBSERVES;
      if (!isActive) {
        const next = found[idx + 1]?.start ?? s.end;
        actors = usable.filter((m) => m.start >= f.end && m.start < next).map(candidate);
        if (type === RelationshipType.CHAIRED) actors = actors.filter((c, i) => i === 0 || LIST_GAP.test(text.slice(actors[i - 1]!.mention.end, c.mention.start)) || /^, [^,]*, and $/.test(text.slice(actors[i - 1]!.mention.end, c.mention.start)));
        if (actors.length > 0) quoteEnd = Math.max(...actors.map((a) => a.mention.end));
      } else {
        const before = usable.filter((m) => m.end <= f.start && f.start - m.end <= MAX_SUBJECT_GAP && !(event && m.end <= event.start && event.end <= f.start));
        const nearest = before.at(-1);
        if (nearest && !ok.some((o) => o.start > nearest.end && o.end <= f.start && o.actor.kind === nearest.actor.kind)) {
          const group = [nearest];
          // The later actor's own title may stand between them: "X and the Head of Y Z spoke".
          const introStart = (m: Mention): number => titles.find((t) => t.person === m || (t.person?.actor === m.actor && t.end === m.end))?.start ?? m.start;
          for (let k = before.length - 2; k >= 0; k--) {
            if (!LIST_GAP.test(text.slice(before[k]!.end, Math.min(group[0]!.start, introStart(group[0]!)))) && !(type === RelationshipType.OBSERVES)) break;
            group.unshift(before[k]!);
          }
          actors = group.map(candidate);
          quoteStart = group[0]!.start;
          quoteEnd = type === RelationshipType.OBSERVES ? f.end : clauseEnd(text, f.end, s.end);
        } else if (type === RelationshipType.SPOKE_AT && lastSpeaker && PRONOUN.test(s.text) && !spoke) {
          out.push({ type, from: lastSpeaker, to: 'EVENT', role: titleOf(lastSpeaker)?.role ?? null, onBehalfOf: positionOf(lastSpeaker)?.org ?? null, confidence: Confidence.MEDIUM, start: s.start + s.text.search(/\S/), end: clauseEnd(text, f.end, s.end) });
          spoke = true;
          continue;
        }
      }
      if (type === RelationshipType.SPOKE_AT) {
        if (spoke) continue;
        actors = actors.filter((a) => a.mention.actor.kind === EntityKind.PERSON);
        if (actors.length > 0) spoke = true;
      }
      for (const a of actors) {
        const actor = a.mention.actor;
        const person = actor.kind === EntityKind.PERSON;
        if (person) lastSpeaker = actor;
        const position = person ? positionOf(actor) : undefined;
        const explicitBehalf = behalf.find((b) => b) ?? null;
        const participation = type === RelationshipType.CHAIRED || type === RelationshipType.SPOKE_AT;
        out.push({
          type,
          from: actor,
          to: 'EVENT',
          role: person ? (titleOf(actor)?.role ?? null) : type === RelationshipType.OBSERVES ? 'observer' : a.role,
          onBehalfOf: participation ? (explicitBehalf?.actor ?? position?.org ?? null) : null,
          confidence,
          start: Math.min(quoteStart, a.mention.start),
          end: isActive ? Math.max(quoteEnd, a.mention.end) : a.mention.end,
        });
      }
    }
  }

  for (const t of titles) {
    if (!t.person) continue;
    // "Ambassador Volker Frobarth, Head of the OSCE Programme Office": the title with a body is the position.
    if (!t.org && titles.some((o) => o.person?.actor === t.person!.actor && o.org)) continue;
    const type = t.member ? RelationshipType.MEMBER_OF : RelationshipType.HOLDS_POSITION;
    if (type === RelationshipType.MEMBER_OF && !t.org) continue;
    out.push({
      type,
      from: t.person.actor,
      to: t.org,
      role: t.member ? 'member' : t.role,
      onBehalfOf: null,
      confidence: t.org ? (t.explicit ? Confidence.HIGH : Confidence.MEDIUM) : Confidence.LOW,
      start: t.start,
      end: t.end,
      ...(t.org ? {} : { reviewNote: 'the title names no organization: choose the organization before accepting' }),
    });
  }
  return out;
}
