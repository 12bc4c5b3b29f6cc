import { ParticipationRole, RelationshipType } from './enums';

/**
 * Participations are not stored separately: they are the relationships an entity has *to* an event,
 * read through this map. One place, so both stores and the API agree on what counts.
 */
export const PARTICIPATION_TYPES: Readonly<Partial<Record<RelationshipType, ParticipationRole>>> = {
  [RelationshipType.HOSTED]: ParticipationRole.HOST,
  [RelationshipType.CHAIRED]: ParticipationRole.CHAIR,
  [RelationshipType.SPOKE_AT]: ParticipationRole.SPEAKER,
  [RelationshipType.ATTENDED]: ParticipationRole.ATTENDEE,
  [RelationshipType.OBSERVES]: ParticipationRole.OBSERVER,
};

/** Display order of roles in a participant list. */
export const ROLE_ORDER: readonly ParticipationRole[] = [
  ParticipationRole.HOST,
  ParticipationRole.CHAIR,
  ParticipationRole.SPEAKER,
  ParticipationRole.ATTENDEE,
  ParticipationRole.OBSERVER,
];

export function roleOf(type: RelationshipType): ParticipationRole | null {
  return PARTICIPATION_TYPES[type] ?? null;
}

export function typesForRoles(roles: readonly ParticipationRole[] | null | undefined): RelationshipType[] {
  return (Object.entries(PARTICIPATION_TYPES) as [RelationshipType, ParticipationRole][])
    .filter(([, role]) => !roles || roles.length === 0 || roles.includes(role))
    .map(([type]) => type);
}
