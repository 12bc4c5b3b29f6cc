import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context';
import { ROLE_RANK, Role } from '../domain/change';
import { requireRole } from './roles';

/**
 * `@Authorized(Role.EDITOR)`: the lowest listed role suffices (roles include the lower ones).
 * Throws coded domain errors itself, because type-graphql's own "Access denied!" carries no code.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  const needed = roles.reduce<Role>((low, r) => (ROLE_RANK[r] < ROLE_RANK[low] ? r : low), Role.ADMIN);
  requireRole(context.caller, roles.length > 0 ? needed : Role.READER);
  return true;
};
