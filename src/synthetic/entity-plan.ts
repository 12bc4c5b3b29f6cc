import { ORG_TYPES, OrgType } from '../domain/enums';
import { NO_DATE, randomDate } from './dates';
import type { Random } from './random';
import type { Scale } from './scale';
import { EVENT_FORMATS, ORG_NAME_PATTERNS, ORG_TYPE_WEIGHTS, SURNAMES, THEMES } from './vocabulary';

/** Where each kind starts in the one global entity index that every plan array uses. */
export interface Layout {
  readonly person: number;
  readonly org: number;
  readonly event: number;
  readonly law: number;
  readonly topic: number;
  readonly document: number;
  readonly total: number;
}

export const NO_COUNTRY = 255;

/** How a person's aliases are written: none, initial, initial plus a Cyrillic-initial form, Cyrillic letter in the name. */
export enum PersonAliasKind {
  NONE = 0,
  INITIAL = 1,
  INITIAL_AND_CYRILLIC = 2,
  CYRILLIC_IN_NAME = 3,
}

/**
 * Everything about the nodes, as typed arrays: at a million relationships there are some 150,000
 * entities, and plain objects per entity would cost more than the records rendered from them.
 */
export interface EntityPlan {
  readonly layout: Layout;
  readonly surname: Uint8Array;
  readonly personAlias: Uint8Array;
  /** The organization of a person's latest position (-1: none), for onBehalfOfId. */
  readonly primaryOrg: Int32Array;
  /** Index into ROLES of that position (-1: none). */
  readonly primaryRole: Int16Array;
  /** Index into ORG_TYPES. */
  readonly orgType: Uint8Array;
  /** Index into COUNTRIES, or NO_COUNTRY. */
  readonly orgCountry: Uint8Array;
  readonly orgPattern: Uint8Array;
  readonly eventDate: Int32Array;
  readonly eventFormat: Uint8Array;
  readonly eventTheme: Uint8Array;
  /** Filled by the relationship plan: the organization hosting each event (-1: none). */
  readonly eventHost: Int32Array;
  readonly lawDate: Int32Array;
  /** Laws from this index on are drafts: no adoption date, the ones people PROPOSED. */
  readonly firstDraftLaw: number;
  /** Filled by the relationship plan: documents take the date of the event approving them. */
  readonly documentDate: Int32Array;
}

const INTERNATIONAL_CODE = ORG_TYPES.indexOf(OrgType.INTERNATIONAL_ORGANIZATION);
const WEIGHT_TOTAL = ORG_TYPE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

export function layoutOf(scale: Scale): Layout {
  const org = scale.people;
  const event = org + scale.organizations;
  const law = event + scale.events;
  const topic = law + scale.laws;
  const document = topic + scale.topics;
  return { person: 0, org, event, law, topic, document, total: document + scale.documents };
}

export function planEntities(rng: Random, scale: Scale): EntityPlan {
  const { people, organizations, events, laws, documents, hubs, countries } = scale;

  const surname = new Uint8Array(people);
  const personAlias = new Uint8Array(people);
  for (let i = 0; i < people; i++) {
    surname[i] = rng.int(SURNAMES.length);
    const r = rng.float();
    personAlias[i] =
      r < 0.55
        ? PersonAliasKind.NONE
        : r < 0.95
          ? PersonAliasKind.INITIAL
          : r < 0.99
            ? PersonAliasKind.INITIAL_AND_CYRILLIC
            : PersonAliasKind.CYRILLIC_IN_NAME;
  }

  const orgType = new Uint8Array(organizations);
  const orgCountry = new Uint8Array(organizations).fill(NO_COUNTRY);
  const orgPattern = new Uint8Array(organizations);
  for (let j = 0; j < organizations; j++) {
    let type: OrgType;
    if (j < hubs) type = OrgType.INTERNATIONAL_ORGANIZATION;
    else if (j < hubs + countries) type = OrgType.STATE;
    // One of each remaining type early, so even the smallest graph has every orgType.
    else if (j < hubs + countries + ORG_TYPE_WEIGHTS.length) type = ORG_TYPE_WEIGHTS[j - hubs - countries]![0];
    else type = weightedOrgType(rng);
    orgType[j] = ORG_TYPES.indexOf(type);
    orgPattern[j] = rng.int(ORG_NAME_PATTERNS[type].length);
    orgCountry[j] = countryFor(rng, type, j - hubs, countries);
  }

  const eventDate = new Int32Array(events);
  const eventFormat = new Uint8Array(events);
  const eventTheme = new Uint8Array(events);
  for (let e = 0; e < events; e++) {
    // Fifteen years of meetings, 2010 to 2024.
    eventDate[e] = randomDate(rng, 2010, 15);
    eventFormat[e] = rng.int(EVENT_FORMATS.length);
    eventTheme[e] = rng.int(THEMES.length);
  }

  const firstDraftLaw = laws - Math.ceil(laws / 5);
  const lawDate = new Int32Array(laws);
  for (let l = 0; l < firstDraftLaw; l++) lawDate[l] = randomDate(rng, 1995, 30, 0.1, 0.3);

  return {
    layout: layoutOf(scale),
    surname,
    personAlias,
    primaryOrg: new Int32Array(people).fill(-1),
    primaryRole: new Int16Array(people).fill(-1),
    orgType,
    orgCountry,
    orgPattern,
    eventDate,
    eventFormat,
    eventTheme,
    eventHost: new Int32Array(events).fill(-1),
    lawDate,
    firstDraftLaw,
    documentDate: new Int32Array(documents).fill(NO_DATE),
  };
}

function weightedOrgType(rng: Random): OrgType {
  let r = rng.float() * WEIGHT_TOTAL;
  for (const [type, weight] of ORG_TYPE_WEIGHTS) {
    if (r < weight) return type;
    r -= weight;
  }
  return ORG_TYPE_WEIGHTS[0]![0];
}

/** States get their own country; national bodies always have one (it anchors PART_OF); others sometimes. */
function countryFor(rng: Random, type: OrgType, stateSlot: number, countries: number): number {
  switch (type) {
    case OrgType.STATE:
      return stateSlot;
    case OrgType.GOVERNMENT_BODY:
    case OrgType.COMMISSION:
    case OrgType.CONSULTATIVE_BODY:
    case OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION:
      return rng.skewed(countries);
    case OrgType.NGO:
      return rng.chance(0.7) ? rng.skewed(countries) : NO_COUNTRY;
    case OrgType.GROUP:
    case OrgType.OTHER:
      return rng.chance(0.5) ? rng.skewed(countries) : NO_COUNTRY;
    case OrgType.INTERNATIONAL_ORGANIZATION:
      return NO_COUNTRY;
    default: {
      const never: never = type;
      throw new Error(`unknown orgType ${String(never)}`);
    }
  }
}

export function isInternational(plan: EntityPlan, org: number): boolean {
  return plan.orgType[org] === INTERNATIONAL_CODE;
}

export function orgTypeOf(plan: EntityPlan, org: number): OrgType {
  return ORG_TYPES[plan.orgType[org]!]!;
}
