import { acronymOf, normalizeName } from './normalize';

/** What an entity offers to search: its names normalised once, stored beside it by each adapter. */
export interface SearchDoc {
  /** Normalised name first, then the normalised aliases. */
  readonly forms: readonly string[];
  /** Every token of every form, plus the acronyms of multi-word forms. */
  readonly tokens: readonly string[];
}

export function buildSearchDoc(name: string, aliases: readonly string[]): SearchDoc {
  const forms = unique([name, ...aliases].map(normalizeName).filter((f) => f.length > 0));
  const tokens = new Set<string>();
  for (const form of forms) for (const t of form.split(' ')) tokens.add(t);
  for (const raw of [name, ...aliases]) {
    const acronym = acronymOf(raw);
    if (acronym) tokens.add(acronym);
  }
  return { forms, tokens: [...tokens].sort() };
}

/** The single string an index stores: tokens separated by spaces (Neo4j's whitespace analyzer). */
export function searchText(doc: SearchDoc): string {
  return doc.tokens.join(' ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
