import { timingSafeEqual } from 'node:crypto';
import type { Caller } from '../domain/change';
import { sha256, type TokenEntry } from './token-config';

/**
 * What a request's credentials amount to. `invalid` is kept apart from anonymous so a wrong or
 * mangled token fails loudly even on reads, instead of silently acting as no token.
 */
export type Authentication =
  | { readonly kind: 'anonymous'; readonly caller: null }
  | { readonly kind: 'caller'; readonly caller: Caller }
  | { readonly kind: 'invalid'; readonly caller: null; readonly reason: string };

export const ANONYMOUS: Authentication = Object.freeze({ kind: 'anonymous', caller: null });

const BEARER = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;

export interface Authenticator {
  /** `header` is the raw Authorization header value, if any. */
  authenticate(header: string | null | undefined): Authentication;
}

export function createAuthenticator(entries: readonly TokenEntry[]): Authenticator {
  return {
    authenticate(header) {
      if (header === undefined || header === null || header.trim() === '') return ANONYMOUS;
      const token = BEARER.exec(header)?.[1];
      if (token === undefined) {
        return { kind: 'invalid', caller: null, reason: 'The Authorization header must be "Bearer <token>".' };
      }
      const caller = findCaller(entries, sha256(token));
      return caller
        ? { kind: 'caller', caller }
        : { kind: 'invalid', caller: null, reason: 'The bearer token is not valid.' };
    },
  };
}

/**
 * Compares against every entry, in constant time each and without stopping at a match, so the
 * response time tells nothing about which entry, or how much of one, a guess came close to.
 */
function findCaller(entries: readonly TokenEntry[], presented: Buffer): Caller | null {
  let found: TokenEntry | null = null;
  for (const entry of entries) {
    if (timingSafeEqual(entry.sha256, presented) && found === null) found = entry;
  }
  return found ? { name: found.name, role: found.role } : null;
}
