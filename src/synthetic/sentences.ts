import { EntityKind } from '../domain/enums';
import { NO_DATE, onOrIn, type DateStrings } from './dates';
import { NO_COUNTRY, orgTypeOf, type EntityPlan } from './entity-plan';
import { aliasesOf, kindOf } from './names';
import { hash32 } from './random';
import { TYPE, type RelationshipPlan } from './plan-writer';
import { ROLE_EXPERT, ROLE_INTERNATIONAL_PARTNER, ROLE_REPRESENTATIVE, ROLES } from './roles';
import { COUNTRIES, EVENT_FORMATS, ORG_TYPE_PHRASES } from './vocabulary';

/**
 * The sentences sources are made of. Each relationship and entity is stated by exactly one
 * sentence, which is also its evidence quote (without the full stop), so quotes are verbatim by
 * construction. The wording varies by a hash of the index, never by the PRNG, so rendering in
 * chunks cannot change the output.
 */
export interface SentenceContext {
  readonly plan: EntityPlan;
  readonly rels: RelationshipPlan;
  readonly names: readonly string[];
  readonly dates: DateStrings;
}

const SALT_WORDING = 0x5e47;
const LOWER_FORMATS = EVENT_FORMATS.map((f) => f.toLowerCase());

/** Whether the relationship's sentence reads as an inference ("operates within"), not a plain statement. */
export function isInferredWording(rels: RelationshipPlan, r: number): boolean {
  return rels.type[r] === TYPE.PART_OF && (hash32(r, SALT_WORDING) & 1) === 1;
}

export function entitySentence(c: SentenceContext, g: number): string {
  const { plan, names, dates } = c;
  const l = plan.layout;
  const name = names[g]!;
  const aliases = aliasesOf(plan, g, name);
  const also = aliases.length > 0 ? ` (also written ${aliases.join(' and ')})` : '';
  switch (kindOf(l, g)) {
    case EntityKind.PERSON:
      return `${name}${also} is listed in this register`;
    case EntityKind.ORGANIZATION: {
      const j = g - l.org;
      const country = plan.orgCountry[j]!;
      const where = country === NO_COUNTRY ? '' : ` registered in ${COUNTRIES[country]}`;
      return `${name}${also} is ${ORG_TYPE_PHRASES[orgTypeOf(plan, j)]}${where}`;
    }
    case EntityKind.EVENT: {
      const date = plan.eventDate[g - l.event]!;
      return `${name}${also} took place ${onOrIn(date)} ${dates.proseOf(date)}`;
    }
    case EntityKind.LAW: {
      const date = plan.lawDate[g - l.law]!;
      if (date === NO_DATE) return `${name} is under consideration`;
      return `${name}${also} was adopted ${onOrIn(date)} ${dates.proseOf(date)}`;
    }
    case EntityKind.TOPIC:
      return `${name} is tracked in this index`;
    case EntityKind.DOCUMENT: {
      const date = plan.documentDate[g - l.document]!;
      if (date === NO_DATE) return `${name} is recorded in this index`;
      return `${name} was issued ${onOrIn(date)} ${dates.proseOf(date)}`;
    }
  }
}

export function relationshipSentence(c: SentenceContext, r: number): string {
  const { plan, rels, names, dates } = c;
  const from = names[rels.from[r]!]!;
  const to = names[rels.to[r]!]!;
  const role = rels.role[r]!;
  const roleName = role >= 0 ? ROLES[role]! : '';
  const behalf = rels.onBehalfOf[r]!;
  const alt = (hash32(r, SALT_WORDING) & 1) === 1;
  const ownerEvent = rels.owner[r]! - plan.layout.event;
  const meeting = ownerEvent >= 0 && ownerEvent < plan.eventFormat.length ? LOWER_FORMATS[plan.eventFormat[ownerEvent]!]! : '';
  switch (rels.type[r]) {
    case TYPE.HOSTED:
      return alt ? `The ${meeting} was hosted by ${from}` : `${from} hosted the ${meeting}`;
    case TYPE.CHAIRED: {
      const title = plan.primaryRole[rels.from[r]!]!;
      const by = title >= 0 && !alt ? `${ROLES[title]} ${from}` : from;
      return alt ? `${from} chaired the ${meeting}` : `The ${meeting} was chaired by ${by}`;
    }
    case TYPE.OBSERVES:
      return alt ? `The ${meeting} was observed by ${from}` : `${from} observed the ${meeting}`;
    case TYPE.SPOKE_AT:
      if (behalf >= 0) {
        return alt
          ? `Speaking for ${names[behalf]}, ${roleName} ${from} addressed the participants`
          : `${from}, ${roleName} of ${names[behalf]}, took the floor`;
      }
      if (role === ROLE_EXPERT) return `Independent expert ${from} delivered a statement`;
      return alt ? `${from} delivered a statement` : `${from} also spoke`;
    case TYPE.ATTENDED:
      if (behalf >= 0) return `${from}, ${roleName} of ${names[behalf]}, attended the ${meeting}`;
      if (role === ROLE_INTERNATIONAL_PARTNER) return `${from} took part as an international partner`;
      if (role === ROLE_REPRESENTATIVE) return `Representatives of ${from} attended the ${meeting}`;
      if (role === ROLE_EXPERT) return `${from} attended as an expert`;
      return alt ? `Among the participants was ${from}` : `${from} took part in the ${meeting}`;
    case TYPE.DISCUSSED:
      return alt ? `${to} was on the agenda` : `Participants discussed ${to}`;
    case TYPE.APPROVED:
      return alt ? `${to} was approved at the ${meeting}` : `The participants approved ${to}`;
    case TYPE.REFERENCED:
      return alt ? `${from} cited ${to}` : `${from} referred to ${to}`;
    case TYPE.PROPOSED:
      return alt ? `${from} put forward ${to}` : `${from} proposed ${to}`;
    case TYPE.HOLDS_POSITION: {
      const start = rels.start[r]!;
      const end = rels.end[r]!;
      const as = `${roleName} of ${to}`;
      if (start !== NO_DATE && end !== NO_DATE) {
        return `${from} served as ${as} from ${dates.proseOf(start)} to ${dates.proseOf(end)}`;
      }
      if (end !== NO_DATE) return `${from} served as ${as} until ${dates.proseOf(end)}`;
      if (start !== NO_DATE) return `${from} has served as ${as} since ${dates.proseOf(start)}`;
      return `${from} is ${as}`;
    }
    case TYPE.MEMBER_OF:
      return `${from} is a member of ${to}`;
    case TYPE.PART_OF:
      return alt ? `${from} operates within ${to}` : `${from} is part of ${to}`;
    case TYPE.ESTABLISHED:
      return `${to} was established by ${from} in ${dates.proseOf(rels.start[r]!)}`;
    default:
      throw new Error(`no sentence for relationship type code ${rels.type[r]}`);
  }
}
