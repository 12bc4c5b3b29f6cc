import { ROLE_RANK, type Caller, type Role } from '../domain/change';
import { DomainError, ErrorCode } from '../domain/errors';

export function hasRole(caller: Caller, role: Role): boolean {
  return ROLE_RANK[caller.role] >= ROLE_RANK[role];
}

/** Anonymous callers are told to authenticate; known ones lacking the role are told what it takes. */
export function requireRole(caller: Caller | null, role: Role): Caller {
  if (caller === null) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, `This needs a bearer token with role ${role} or higher.`);
  }
  if (!hasRole(caller, role)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This needs role ${role} or higher; the token "${caller.name}" has ${caller.role}.`);
  }
  return caller;
}
