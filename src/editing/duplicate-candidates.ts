import { compareStrings } from '../domain/compare';
import type { EntityKind } from '../domain/enums';
import { badInput } from '../domain/errors';
import { EntityOrder, type GraphStore } from '../ports/graph-store';
import type { EntityRecord } from '../domain/records';
import { acronymOf, normalizeName } from '../search/normalize';
import { parseQuery, SCORE, scoreDoc } from '../search/score';
import { buildSearchDoc } from '../search/search-doc';

export interface DuplicatePair {
  /** The two entities, lower id first. */
  readonly entities: readonly [EntityRecord, EntityRecord];
  readonly score: number;
  readonly reason: string;
}

/** Why two names may denote one entity, strongest first. */
export const DUPLICATE_REASONS = {
  SAME_NAME: { score: 1, label: 'same normalized name' },
  LOOKALIKE: { score: 0.95, label: 'Latin/Cyrillic look-alike letters' },
  SPELLING: { score: 0.9, label: 'spelling variant' },
  INITIALS: { score: 0.8, label: 'initials and surname' },
  ACRONYM: { score: 0.75, label: 'acronym of the other name' },
  SHARED_ACRONYM: { score: 0.5, label: 'shared acronym' },
} as const;

type Reason = (typeof DUPLICATE_REASONS)[keyof typeof DUPLICATE_REASONS];

/**
 * Blocks larger than these are skipped: a surname or acronym shared by hundreds of entities says
 * too little to be worth the quadratic comparison inside it. Equal names say more, so get more room.
 */
export const MAX_BLOCK = 200;
export const MAX_SAME_NAME_BLOCK = 1000;

const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Form {
  readonly entity: EntityRecord;
  readonly raw: string;
  readonly norm: string;
  readonly tokens: readonly string[];
  /** Lower-case, accent-free words, look-alikes and spellings as written. */
  readonly plain: string;
  readonly cyrillic: boolean;
}

/**
 * Pairs of same-kind entities whose names suggest one thing recorded twice. Names are compared
 * only within blocks (same normalised form; same surname, first initial and word count; same
 * acronym), never all against all. Best reason per pair; by score, then ids.
 */
export function findDuplicatePairs(entities: readonly EntityRecord[]): DuplicatePair[] {
  const blocks = new Map<string, Form[]>();
  const add = (key: string, form: Form): void => {
    const block = blocks.get(key);
    if (block) block.push(form);
    else blocks.set(key, [form]);
  };
  for (const entity of entities) {
    for (const raw of new Set([entity.name, ...entity.aliases])) {
      const norm = normalizeName(raw);
      if (norm === '') continue;
      const tokens = norm.split(' ');
      const form: Form = { entity, raw, norm, tokens, plain: plainTokens(raw), cyrillic: CYRILLIC.test(raw) };
      add(`n|${entity.kind}|${norm}`, form);
      if (tokens.length >= 2) add(`i|${entity.kind}|${tokens.at(-1)}|${tokens[0]![0]}|${tokens.length}`, form);
      const acronym = tokens.length === 1 ? (norm.length >= 2 ? norm : null) : acronymOf(raw);
      if (acronym) add(`a|${entity.kind}|${acronym}`, form);
    }
  }

  const best = new Map<string, DuplicatePair>();
  for (const [key, block] of blocks) {
    if (block.length < 2 || block.length > (key.startsWith('n|') ? MAX_SAME_NAME_BLOCK : MAX_BLOCK)) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [block[i]!, block[j]!];
        if (a.entity.id === b.entity.id) continue;
        const reason = classify(key, a, b);
        if (!reason) continue;
        const [x, y] = compareStrings(a.entity.id, b.entity.id) < 0 ? [a, b] : [b, a];
        const pairKey = JSON.stringify([x.entity.id, y.entity.id]);
        const current = best.get(pairKey);
        if (current && current.score >= reason.score) continue;
        best.set(pairKey, {
          entities: [x.entity, y.entity],
          score: reason.score,
          reason: `${reason.label}: "${x.raw}" / "${y.raw}"`,
        });
      }
    }
  }
  return [...best.values()].sort(
    (p, q) =>
      q.score - p.score ||
      compareStrings(p.entities[0].id, q.entities[0].id) ||
      compareStrings(p.entities[1].id, q.entities[1].id),
  );
}

/** Two-letter acronyms ("JS" of "John Smith") are shared by chance too often to mean anything. */
const MIN_SHARED_ACRONYM = 3;

function classify(key: string, a: Form, b: Form): Reason | null {
  const [block, , value] = key.split('|') as ['n' | 'i' | 'a', string, string];
  switch (block) {
    case 'n': {
      if (a.plain === b.plain) return DUPLICATE_REASONS.SAME_NAME;
      return a.cyrillic !== b.cyrillic ? DUPLICATE_REASONS.LOOKALIKE : DUPLICATE_REASONS.SPELLING;
    }
    case 'i':
      // Search's own initials rule, applied both ways: "r vassilenko" finds "roman vassilenko".
      return a.norm !== b.norm && (initialsMatch(a, b) || initialsMatch(b, a)) ? DUPLICATE_REASONS.INITIALS : null;
    case 'a': {
      const single = (a.tokens.length === 1 ? 1 : 0) + (b.tokens.length === 1 ? 1 : 0);
      if (single === 1) return DUPLICATE_REASONS.ACRONYM;
      return single === 0 && a.norm !== b.norm && value.length >= MIN_SHARED_ACRONYM ? DUPLICATE_REASONS.SHARED_ACRONYM : null;
    }
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

function initialsMatch(query: Form, target: Form): boolean {
  return scoreDoc(parseQuery(query.raw), buildSearchDoc(target.raw, [])) === SCORE.INITIALS;
}

function plainTokens(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Most entities one scan reads; past it, the caller is asked to narrow by kind. */
export const MAX_SCANNED = 200_000;
const PAGE = 5000;

/** Reads the entities (of one kind, or all) page by page and returns the best `first` pairs. */
export async function duplicateCandidates(store: GraphStore, kind: EntityKind | null, first: number): Promise<DuplicatePair[]> {
  const entities: EntityRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ first: PAGE, offset, kinds: kind ? [kind] : null, orderBy: EntityOrder.NAME });
    if (page.totalCount > MAX_SCANNED) {
      throw badInput(`${page.totalCount} entities are too many to compare at once (at most ${MAX_SCANNED}); pass a kind.`);
    }
    entities.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  return findDuplicatePairs(entities).slice(0, first);
}
