import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Role } from '../domain/change';
import type { Config } from '../config';

/** A known token: who it stands for and the SHA-256 of its secret; the secret itself is never kept. */
export interface TokenEntry {
  readonly name: string;
  readonly role: Role;
  readonly sha256: Buffer;
}

/** Raised at start for a bad token setting; names the entry, never its secret. */
export class TokenConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenConfigError';
  }
}

/** Short secrets can be guessed by whoever can reach the API. */
export const MIN_SECRET_LENGTH = 16;

const NAME = /^[\w.@-]{1,64}$/;
const ROLES = Object.values(Role).join(', ');

export function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** `name:ROLE:secret`, comma-separated; the secret is everything after the second colon. */
export function parseApiTokens(value: string): TokenEntry[] {
  return value
    .split(',')
    .map((raw) => raw.trim())
    .filter((raw) => raw.length > 0)
    .map((raw, i) => {
      const first = raw.indexOf(':');
      const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
      // Without both colons the whole entry may be a secret pasted on its own: do not quote it.
      if (second < 0) throw new TokenConfigError(`API_TOKENS entry ${i + 1}: expected name:ROLE:secret`);
      const where = `API_TOKENS entry ${i + 1}`;
      const name = checkName(raw.slice(0, first), where);
      const role = checkRole(raw.slice(first + 1, second), `${where} ("${name}")`);
      const secret = raw.slice(second + 1);
      if (secret.length < MIN_SECRET_LENGTH) {
        throw new TokenConfigError(`${where} ("${name}"): the secret must be at least ${MIN_SECRET_LENGTH} characters long`);
      }
      return { name, role, sha256: sha256(secret) };
    });
}

const fileEntrySchema = z.object({
  name: z.string(),
  role: z.string(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hex digits (the SHA-256 of the secret)'),
});

/** The JSON of API_TOKENS_FILE: `[{ "name", "role", "sha256" }]`; `file` only names it in errors. */
export function parseTokenFile(json: string, file: string): TokenEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new TokenConfigError(`API_TOKENS_FILE ${file} is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(value)) throw new TokenConfigError(`API_TOKENS_FILE ${file}: expected a JSON list of { name, role, sha256 }`);
  return value.map((item, i) => {
    const parsed = fileEntrySchema.safeParse(item);
    const named = typeof (item as { name?: unknown })?.name === 'string' ? ` ("${(item as { name: string }).name}")` : '';
    const where = `API_TOKENS_FILE ${file} entry ${i + 1}${named}`;
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`);
      throw new TokenConfigError(`${where}: ${issues.join('; ')}`);
    }
    const name = checkName(parsed.data.name, where);
    const role = checkRole(parsed.data.role, where);
    return { name, role, sha256: Buffer.from(parsed.data.sha256, 'hex') };
  });
}

/** Every token the config declares; throws TokenConfigError for the first bad entry. */
export function loadTokens(
  config: Pick<Config, 'API_TOKENS' | 'API_TOKENS_FILE'>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): TokenEntry[] {
  const entries = config.API_TOKENS ? parseApiTokens(config.API_TOKENS) : [];
  if (config.API_TOKENS_FILE) {
    let json: string;
    try {
      json = readFile(config.API_TOKENS_FILE);
    } catch (e) {
      throw new TokenConfigError(`API_TOKENS_FILE ${config.API_TOKENS_FILE} cannot be read (${(e as Error).message})`);
    }
    entries.push(...parseTokenFile(json, config.API_TOKENS_FILE));
  }
  checkUnique(entries);
  return entries;
}

function checkName(name: string, where: string): string {
  if (!NAME.test(name)) throw new TokenConfigError(`${where}: the name must be 1-64 letters, digits, _ . @ or -`);
  return name;
}

function checkRole(role: string, where: string): Role {
  if (!(Object.values(Role) as string[]).includes(role)) {
    throw new TokenConfigError(`${where}: the role must be one of ${ROLES}`);
  }
  return role as Role;
}

/** Names appear in the audit log, so they must tell callers apart; one secret must mean one role. */
function checkUnique(entries: readonly TokenEntry[]): void {
  const names = new Set<string>();
  const hashes = new Map<string, string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new TokenConfigError(`token name "${entry.name}" is declared twice`);
    names.add(entry.name);
    const hash = entry.sha256.toString('hex');
    const other = hashes.get(hash);
    if (other !== undefined) throw new TokenConfigError(`tokens "${other}" and "${entry.name}" have the same secret`);
    hashes.set(hash, entry.name);
  }
}
