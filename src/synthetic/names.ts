import { EntityKind, ORG_TYPES } from '../domain/enums';
import { acronymOf } from '../search/normalize';
import { PersonAliasKind, type EntityPlan, type Layout } from './entity-plan';
import { hash32 } from './random';
import {
  CYRILLIC_CAPITAL_ER,
  CYRILLIC_SMALL_A,
  DOCUMENT_KINDS,
  EVENT_FORMATS,
  HUB_NAMES,
  LAW_SUBJECTS,
  ORG_NAME_PATTERNS,
  SURNAMES,
  THEMES,
} from './vocabulary';

/** Salts for the stateless per-entity choices made at render time. */
const SALT_ORG_ALIAS = 0x51a5;
const SALT_EVENT_ALIAS = 0x3e17;
const SALT_LAW = 0x1a77;
const SALT_DOCUMENT = 0xd0c5;

const NO_ALIASES: readonly string[] = Object.freeze([]);

export function kindOf(layout: Layout, g: number): EntityKind {
  if (g < layout.org) return EntityKind.PERSON;
  if (g < layout.event) return EntityKind.ORGANIZATION;
  if (g < layout.law) return EntityKind.EVENT;
  if (g < layout.topic) return EntityKind.LAW;
  if (g < layout.document) return EntityKind.TOPIC;
  return EntityKind.DOCUMENT;
}

/** `syn-p-12`, `syn-o-7`, `syn-e-42`, ...: numbered from 1 within the kind, like the names. */
export function entityIds(layout: Layout): string[] {
  const ids = new Array<string>(layout.total);
  const spans: [number, number, string][] = [
    [layout.person, layout.org, 'p'],
    [layout.org, layout.event, 'o'],
    [layout.event, layout.law, 'e'],
    [layout.law, layout.topic, 'l'],
    [layout.topic, layout.document, 't'],
    [layout.document, layout.total, 'd'],
  ];
  for (const [from, to, letter] of spans) for (let g = from; g < to; g++) ids[g] = `syn-${letter}-${g - from + 1}`;
  return ids;
}

export function entityNames(plan: EntityPlan): string[] {
  const l = plan.layout;
  const names = new Array<string>(l.total);
  for (let g = 0; g < l.total; g++) names[g] = nameOf(plan, g);
  return names;
}

function nameOf(plan: EntityPlan, g: number): string {
  const l = plan.layout;
  switch (kindOf(l, g)) {
    case EntityKind.PERSON:
      return `Person ${g + 1} ${SURNAMES[plan.surname[g]!]}`;
    case EntityKind.ORGANIZATION: {
      const j = g - l.org;
      if (j < HUB_NAMES.length) return HUB_NAMES[j]!;
      const pattern = ORG_NAME_PATTERNS[ORG_TYPES[plan.orgType[j]!]!][plan.orgPattern[j]!]!;
      return pattern.replace('#', String(j + 1));
    }
    case EntityKind.EVENT: {
      const e = g - l.event;
      return `${EVENT_FORMATS[plan.eventFormat[e]!]} ${e + 1} on ${THEMES[plan.eventTheme[e]!]}`;
    }
    case EntityKind.LAW: {
      const k = g - l.law;
      const subject = LAW_SUBJECTS[hash32(k, SALT_LAW) % LAW_SUBJECTS.length];
      return `${k >= plan.firstDraftLaw ? 'Draft Law' : 'Law'} ${k + 1} on ${subject}`;
    }
    case EntityKind.TOPIC: {
      const t = g - l.topic;
      return `Topic ${t + 1} on ${THEMES[t % THEMES.length]}`;
    }
    case EntityKind.DOCUMENT: {
      const d = g - l.document;
      return `${DOCUMENT_KINDS[hash32(d, SALT_DOCUMENT) % DOCUMENT_KINDS.length]} ${d + 1}`;
    }
  }
}

/**
 * Other forms the sources write: initials ("P. Surnamov"), a Cyrillic look-alike letter (as real
 * press releases do by accident), acronyms, spelling and apostrophe variants, short event names.
 */
export function aliasesOf(plan: EntityPlan, g: number, name: string): readonly string[] {
  const l = plan.layout;
  switch (kindOf(l, g)) {
    case EntityKind.PERSON: {
      const surname = SURNAMES[plan.surname[g]!]!;
      switch (plan.personAlias[g] as PersonAliasKind) {
        case PersonAliasKind.NONE:
          return NO_ALIASES;
        case PersonAliasKind.INITIAL:
          return [`P. ${surname}`];
        case PersonAliasKind.INITIAL_AND_CYRILLIC:
          return [`P. ${surname}`, `${CYRILLIC_CAPITAL_ER}. ${surname}`];
        case PersonAliasKind.CYRILLIC_IN_NAME:
          // "Surnam..." with its "a" written as the Cyrillic "а".
          return [`Person ${g + 1} Surn${CYRILLIC_SMALL_A}${surname.slice(5)}`];
      }
      return NO_ALIASES;
    }
    case EntityKind.ORGANIZATION: {
      const j = g - l.org;
      if (j < HUB_NAMES.length) return NO_ALIASES;
      const h = hash32(j, SALT_ORG_ALIAS) % 10;
      if (h < 3) {
        const acronym = acronymOf(name.replace(/ \d+$/, '').replace(/ \d+ /, ' '));
        return acronym ? [`${acronym.toUpperCase()} ${j + 1}`] : NO_ALIASES;
      }
      if (h < 5) {
        const variant = name.replace('Centre', 'Center').replace('Organisation', 'Organization').replace("'", '\u2019');
        return variant !== name ? [variant] : NO_ALIASES;
      }
      return NO_ALIASES;
    }
    case EntityKind.EVENT: {
      const e = g - l.event;
      return hash32(e, SALT_EVENT_ALIAS) % 10 === 0 ? [`${EVENT_FORMATS[plan.eventFormat[e]!]} ${e + 1}`] : NO_ALIASES;
    }
    case EntityKind.LAW: {
      const k = g - l.law;
      return k < plan.firstDraftLaw && k % 5 === 0 ? [`Law No. ${k + 1}`] : NO_ALIASES;
    }
    default:
      return NO_ALIASES;
  }
}
