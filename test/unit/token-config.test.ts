import { createHash } from 'node:crypto';
import { loadTokens, MIN_SECRET_LENGTH, parseApiTokens, parseTokenFile, TokenConfigError } from '../../src/auth/token-config';
import { Role } from '../../src/domain/change';

const SECRET = 's3cret-s3cret-s3cret';
const hex = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Runs `fn`, expects a TokenConfigError, and returns its message. */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TokenConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a TokenConfigError');
}

describe('API_TOKENS (name:ROLE:secret, comma-separated)', () => {
  it('parses every entry and keeps only the hash of the secret', () => {
    const entries = parseApiTokens(` alice:EDITOR:${SECRET} , bob:ADMIN:${SECRET}:with:colons,`);
    expect(entries.map((e) => [e.name, e.role, e.sha256.toString('hex')])).toEqual([
      ['alice', Role.EDITOR, hex(SECRET)],
      ['bob', Role.ADMIN, hex(`${SECRET}:with:colons`)],
    ]);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });

  it('names the bad entry and never echoes a secret', () => {
    const cases: [string, RegExp][] = [
      [`alice:WRITER:${SECRET}`, /entry 1 \("alice"\): the role must be one of READER, EDITOR, ADMIN/],
      [`alice:READER:${SECRET},${SECRET}`, /entry 2: expected name:ROLE:secret/],
      [`a b:READER:${SECRET}`, /entry 1: the name must be/],
      ['alice:READER:short-secret', new RegExp(`entry 1 \\("alice"\\): the secret must be at least ${MIN_SECRET_LENGTH}`)],
      [`alice:READER:${SECRET},alice:ADMIN:${SECRET}x`, /token name "alice" is declared twice/],
      [`alice:READER:${SECRET},bob:ADMIN:${SECRET}`, /tokens "alice" and "bob" have the same secret/],
    ];
    for (const [value, message] of cases) {
      const text = failure(() => loadTokens({ API_TOKENS: value }));
      expect(text).toMatch(message);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('short-secret');
    }
  });
});

describe('API_TOKENS_FILE (JSON list of { name, role, sha256 })', () => {
  const file = JSON.stringify([{ name: 'carol', role: 'READER', sha256: hex(SECRET) }]);

  it('reads hashed entries, alongside API_TOKENS', () => {
    const entries = loadTokens({ API_TOKENS: `dev:ADMIN:${SECRET}-dev`, API_TOKENS_FILE: '/etc/tokens.json' }, () => file);
    expect(entries.map((e) => [e.name, e.role])).toEqual([['dev', Role.ADMIN], ['carol', Role.READER]]);
    expect(entries[1]!.sha256.toString('hex')).toBe(hex(SECRET));
  });

  it('refuses a bad file with its path and the entry', () => {
    expect(failure(() => parseTokenFile('{', 'tokens.json'))).toMatch(/API_TOKENS_FILE tokens.json is not valid JSON/);
    expect(failure(() => parseTokenFile('{}', 'tokens.json'))).toMatch(/expected a JSON list/);
    expect(failure(() => parseTokenFile(JSON.stringify([{ name: 'dave', role: 'ADMIN', sha256: 'abc' }]), 'tokens.json'))).toMatch(
      /tokens.json entry 1 \("dave"\): sha256: sha256 must be 64 hex digits/,
    );
    expect(failure(() => parseTokenFile(JSON.stringify([{ name: 'dave', role: 'ROOT', sha256: hex(SECRET) }]), 't.json'))).toMatch(
      /entry 1 \("dave"\): the role must be one of/,
    );
    const unreadable = failure(() =>
      loadTokens({ API_TOKENS_FILE: '/nope.json' }, () => {
        throw new Error('ENOENT');
      }),
    );
    expect(unreadable).toMatch(/API_TOKENS_FILE \/nope.json cannot be read \(ENOENT\)/);
  });

  it('no settings: no tokens', () => {
    expect(loadTokens({})).toEqual([]);
  });
});
