/** How values read on the page: dates, kinds, enum names. Fixed English, no locale guessing. */
import type { Confidence, EntityKind, ParticipationRole, RelationshipType } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A PartialDate (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as "2023", "Dec 2023" or "14 Dec 2023". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? date;
  return day === undefined ? `${monthName} ${year ?? ''}` : `${String(Number(day))} ${monthName} ${year ?? ''}`;
}

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function kindLabel(kind: EntityKind): string {
  switch (kind) {
    case 'PERSON':
      return 'Person';
    case 'ORGANIZATION':
      return 'Organization';
    case 'EVENT':
      return 'Event';
    case 'LAW':
      return 'Law or treaty';
    case 'TOPIC':
      return 'Topic';
    case 'DOCUMENT':
      return 'Document';
    default:
      return unreachable(kind);
  }
}

/** "SPOKE_AT" as "Spoke at", for headings and filters. */
export function typeLabel(type: RelationshipType): string {
  return sentenceCase(type);
}

export function roleLabel(role: ParticipationRole, plural: boolean): string {
  switch (role) {
    case 'HOST':
      return plural ? 'Hosts' : 'Host';
    case 'CHAIR':
      return plural ? 'Chairs' : 'Chair';
    case 'SPEAKER':
      return plural ? 'Speakers' : 'Speaker';
    case 'ATTENDEE':
      return plural ? 'Attendees' : 'Attendee';
    case 'OBSERVER':
      return plural ? 'Observers' : 'Observer';
    default:
      return unreachable(role);
  }
}

export function confidenceLabel(confidence: Confidence): string {
  switch (confidence) {
    case 'HIGH':
      return 'High confidence: the source states it outright';
    case 'MEDIUM':
      return 'Medium confidence: a near-certain reading of the source';
    case 'LOW':
      return 'Low confidence: inferred from the source';
    default:
      return unreachable(confidence);
  }
}

/** "NATIONAL_HUMAN_RIGHTS_INSTITUTION" as "National human rights institution". */
export function sentenceCase(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

let regions: Intl.DisplayNames | null | undefined;

/** "KZ" as "Kazakhstan (KZ)" where the browser knows region names. */
export function countryLabel(code: string): string {
  if (regions === undefined) {
    try {
      regions = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regions = null;
    }
  }
  const name = regions?.of(code);
  return name === undefined || name === code ? code : `${name} (${code})`;
}

export function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

export function unreachable(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
