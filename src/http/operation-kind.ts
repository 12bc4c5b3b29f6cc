import { getOperationAST, OperationTypeNode, parse, type DocumentNode } from 'graphql';

/**
 * Whether a GraphQL-over-HTTP request asks for a mutation, decided before Apollo sees it (for
 * the write rate limit). A mutation must spell `mutation`, so a document without the word is a
 * read without being parsed: the common case costs one substring search. The rest are parsed
 * here and again by Apollo (which caches parsed documents by hash, so a repeated read pays once
 * there); writes are rare and each costs far more than a parse.
 */
export function carriesMutation(method: string, body: unknown, maxTokens: number): boolean {
  // Over GET, Apollo runs queries only (a mutation is answered with 405).
  if (method !== 'POST' || typeof body !== 'object' || body === null) return false;
  if (Array.isArray(body)) return body.some((one) => carriesMutation(method, one, maxTokens));
  const { query, operationName, extensions } = body as { query?: unknown; operationName?: unknown; extensions?: unknown };
  // A persisted query's hash without its text: what it runs cannot be seen here, so it counts as
  // the dearer kind.
  if (typeof query !== 'string') return typeof extensions === 'object' && extensions !== null && 'persistedQuery' in extensions;
  if (!query.includes('mutation')) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens });
  } catch {
    // Apollo refuses the same document (its parse has the same token limit): nothing will run.
    return false;
  }
  // Null when the name matches no operation, or none is given and there are several: Apollo refuses those too.
  const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
  return operation?.operation === OperationTypeNode.MUTATION;
}
