import { RelationshipType } from './enums';

/**
 * A readable sentence for one fact, seen from one of its ends: "Chaired X" from the chair,
 * "Chaired by Y" from the meeting. Exhaustive over relationship types, so a new type cannot be
 * added without its wording.
 */
export function summarize(type: RelationshipType, outgoing: boolean, otherName: string, role: string | null): string {
  const as = role ? ` as ${role}` : '';
  switch (type) {
    case RelationshipType.CHAIRED:
      return outgoing ? `Chaired ${otherName}` : `Chaired by ${otherName}`;
    case RelationshipType.SPOKE_AT:
      return outgoing ? `Spoke at ${otherName}${as}` : `${otherName} spoke${as}`;
    case RelationshipType.ATTENDED:
      return outgoing ? `Attended ${otherName}${as}` : `Attended by ${otherName}${as}`;
    case RelationshipType.HOSTED:
      return outgoing ? `Hosted ${otherName}` : `Hosted by ${otherName}`;
    case RelationshipType.OBSERVES:
      return outgoing ? `Observes ${otherName}` : `Observed by ${otherName}`;
    case RelationshipType.HOLDS_POSITION:
      return outgoing ? `Held the post of ${role ?? 'an official'} at ${otherName}` : `${otherName} held the post of ${role ?? 'an official'}`;
    case RelationshipType.MEMBER_OF:
      return outgoing ? `Member of ${otherName}` : `${otherName} became a member`;
    case RelationshipType.PART_OF:
      return outgoing ? `Part of ${otherName}` : `Includes ${otherName}`;
    case RelationshipType.ESTABLISHED:
      return outgoing ? `Established ${otherName}` : `Established by ${otherName}`;
    case RelationshipType.REFERENCED:
      return outgoing ? `Referred to ${otherName}` : `Referred to by ${otherName}`;
    case RelationshipType.PROPOSED:
      return outgoing ? `Proposed ${otherName}` : `Proposed by ${otherName}`;
    case RelationshipType.APPROVED:
      return outgoing ? `Approved ${otherName}` : `Approved by ${otherName}`;
    case RelationshipType.DISCUSSED:
      return outgoing ? `Discussed ${otherName}` : `Discussed by ${otherName}`;
    default: {
      const never: never = type;
      throw new Error(`no wording for relationship type ${String(never)}`);
    }
  }
}
