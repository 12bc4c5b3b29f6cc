import type * as nodeCrypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import { createAuthenticator } from '../../src/auth/authenticate';
import { parseApiTokens } from '../../src/auth/token-config';
import { Role } from '../../src/domain/change';

// Counts comparisons while still comparing for real.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof nodeCrypto>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
const compare = jest.mocked(timingSafeEqual);

const entries = parseApiTokens(
  ['reader:READER:reader-secret-0001', 'editor:EDITOR:editor-secret-0002', 'admin:ADMIN:admin-secret-00003'].join(','),
);
const auth = createAuthenticator(entries);

describe('authenticate', () => {
  it('is anonymous without an Authorization header', () => {
    for (const header of [undefined, null, '', '  ']) expect(auth.authenticate(header)).toEqual({ kind: 'anonymous', caller: null });
  });

  it('finds the caller of a known bearer token', () => {
    expect(auth.authenticate('Bearer editor-secret-0002')).toEqual({ kind: 'caller', caller: { name: 'editor', role: Role.EDITOR } });
    expect(auth.authenticate('bearer   admin-secret-00003 ').caller).toEqual({ name: 'admin', role: Role.ADMIN });
  });

  it('refuses unknown and malformed credentials, without echoing them', () => {
    for (const header of ['Bearer nope-nope-nope-nope', 'Basic ZWRpdG9yOng=', 'Bearer', 'Bearer a b', 'editor-secret-0002']) {
      const result = auth.authenticate(header);
      expect(result.kind).toBe('invalid');
      expect(result.caller).toBeNull();
      expect(JSON.stringify(result)).not.toMatch(/secret|nope|ZWRp/);
    }
  });

  it('compares against every known hash in constant time, with no early exit on a match', () => {
    for (const token of ['reader-secret-0001', 'admin-secret-00003', 'unknown-token-value']) {
      compare.mockClear();
      auth.authenticate(`Bearer ${token}`);
      expect(compare).toHaveBeenCalledTimes(entries.length);
      for (const [known, presented] of compare.mock.calls) {
        expect((known as Buffer).length).toBe(32);
        expect((presented as Buffer).length).toBe(32);
      }
    }
  });
});
