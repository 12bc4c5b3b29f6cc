/**
 * Relationships as plain sentences: "Chaired <meeting> on 14 Dec 2023 as Deputy Foreign Minister,
 * on behalf of <ministry>". A sentence is a list of parts so entity names can become links.
 */
import { formatDate, unreachable } from './format';
import type { EntityRef, Relationship, RelationshipType } from './types';

export type Part = string | { entity: Pick<EntityRef, 'id' | 'name' | 'kind'> };

/**
 * Whose page the sentence is on: `from` leaves out the subject ("Chaired X"), `to` refers to the
 * object as "it" ("Roman Vassilenko chaired it"), `none` names both ends.
 */
export type Perspective = 'from' | 'to' | 'none';

interface Verb {
  /** Past or present, as the fact reads: "chaired", "is a member of". */
  readonly verb: string;
  /** From the object's page: "chaired it", "is a member". */
  readonly back: string;
  /** Whether the role reads "as <role>" (a capacity) rather than as a note in brackets. */
  readonly roleAs: boolean;
}

function verbOf(type: RelationshipType, role: string | null): Verb {
  const simple = (verb: string, roleAs = false): Verb => ({ verb, back: `${verb} it`, roleAs });
  switch (type) {
    case 'CHAIRED':
      return simple('chaired', true);
    case 'SPOKE_AT':
      return simple('spoke at', true);
    case 'ATTENDED':
      return simple('attended');
    case 'HOSTED':
      return simple('hosted');
    case 'OBSERVES':
      return simple('observes');
    case 'HOLDS_POSITION':
      return role === null
        ? { verb: 'holds a position at', back: 'holds a position here', roleAs: false }
        : { verb: `holds the position of ${role} at`, back: `holds the position of ${role} here`, roleAs: false };
    case 'MEMBER_OF':
      return { verb: 'is a member of', back: 'is a member', roleAs: true };
    case 'PART_OF':
      return { verb: 'is part of', back: 'is part of it', roleAs: false };
    case 'ESTABLISHED':
      return simple('established');
    case 'APPROVED':
      return simple('approved');
    case 'PROPOSED':
      return simple('proposed');
    case 'DISCUSSED':
      return simple('discussed');
    case 'REFERENCED':
      return simple('referenced');
    default:
      return unreachable(type);
  }
}

/** "on 14 Dec 2023", "in 2013": a day reads with "on", a month or year with "in". */
function at(date: string): string {
  return `${date.length === 10 ? 'on' : 'in'} ${formatDate(date)}`;
}

function when(rel: Relationship, perspective: Perspective): string | null {
  const { startDate, endDate } = rel;
  if (startDate !== null && startDate === endDate) return at(startDate);
  if (startDate !== null && endDate !== null) return `from ${formatDate(startDate)} to ${formatDate(endDate)}`;
  if (startDate !== null) return `since ${formatDate(startDate)}`;
  if (endDate !== null) return `until ${formatDate(endDate)}`;
  // A participation is dated by its event; on the event's own page that date is already shown.
  const eventDate = rel.to.kind === 'EVENT' ? rel.to.date : null;
  return perspective !== 'to' && eventDate !== null && eventDate !== undefined ? at(eventDate) : null;
}

export function relationshipSentence(rel: Relationship, perspective: Perspective): Part[] {
  const { verb, back, roleAs } = verbOf(rel.type, rel.role);
  const parts: Part[] =
    perspective === 'from'
      ? [capitalise(verb), ' ', { entity: rel.to }]
      : perspective === 'to'
        ? [{ entity: rel.from }, ` ${back}`]
        : [{ entity: rel.from }, ` ${verb} `, { entity: rel.to }];
  const date = when(rel, perspective);
  if (date !== null) parts.push(` ${date}`);
  if (rel.role !== null && rel.type !== 'HOLDS_POSITION') parts.push(roleAs ? ` as ${rel.role}` : ` (${rel.role})`);
  if (rel.onBehalfOf !== null && rel.onBehalfOf.id !== rel.to.id) parts.push(', on behalf of ', { entity: rel.onBehalfOf });
  return parts;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
