import { ORG_TYPES } from '../domain/enums';
import { POSITION_ROLES } from './vocabulary';

/**
 * Every role string a synthetic relationship may carry, in one table: the plan stores an index,
 * and every rendered record shares the same few dozen strings.
 */
const PARTICIPATION_ROLES = ['international partner', 'expert', 'representative'] as const;

export const ROLES: readonly string[] = [
  ...new Set([...ORG_TYPES.flatMap((t) => POSITION_ROLES[t]), ...PARTICIPATION_ROLES]),
];

export const ROLE_INTERNATIONAL_PARTNER = ROLES.indexOf('international partner');
export const ROLE_EXPERT = ROLES.indexOf('expert');
export const ROLE_REPRESENTATIVE = ROLES.indexOf('representative');

/** Position role codes per orgType code (index into ORG_TYPES). */
export const POSITION_ROLE_CODES: readonly (readonly number[])[] = ORG_TYPES.map((t) =>
  POSITION_ROLES[t].map((r) => ROLES.indexOf(r)),
);
