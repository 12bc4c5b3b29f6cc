/**
 * The explorer's only way to the data: GraphQL over POST to this server's own `/graphql`.
 * Failures become an `ApiError` whose message is meant for the reader of the page.
 */

/** Where the API is: the explorer is served by the API itself, so the same origin. */
const ENDPOINT = '/graphql';

export class ApiError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, or NETWORK / HTTP for transport failures. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

const STORE_UNAVAILABLE = 'The database is not reachable right now; try again in a moment.';

/** Where an editor's token is kept: this tab's session only, never localStorage or a cookie. */
const TOKEN_KEY = 'rightsgraph.editorToken';
const tokenListeners = new Set<() => void>();

/** The editor token signed in with in this tab, or null. */
export function editorToken(): string | null {
  try {
    const token = window.sessionStorage.getItem(TOKEN_KEY);
    return token === null || token === '' ? null : token;
  } catch {
    return null;
  }
}

/** Signs in (a token) or out (null); every later request carries it as `Authorization: Bearer`. */
export function setEditorToken(token: string | null): void {
  try {
    if (token === null || token.trim() === '') window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token.trim());
  } catch {
    // Storage refused (private mode): the token cannot be kept.
  }
  for (const listener of tokenListeners) listener();
}

export function subscribeToken(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

/** Answers that mean "sign in with an editor token". */
export function needsEditor(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN');
}

/** Runs one operation; resolves with `data` or rejects with an ApiError (never a raw TypeError). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const token = editorToken();
  if (token !== null) headers.authorization = `Bearer ${token}`;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted === true) throw e;
    throw new ApiError('The server could not be reached. Check that rightsgraph is running, then try again.', 'NETWORK');
  }
  let body: GraphqlResponse<T>;
  try {
    body = (await response.json()) as GraphqlResponse<T>;
  } catch (e) {
    if (signal?.aborted === true) throw e;
    throw new ApiError(`The server answered HTTP ${String(response.status)} without a GraphQL response; try again in a moment.`, 'HTTP');
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new ApiError(code === 'STORE_UNAVAILABLE' ? STORE_UNAVAILABLE : first.message, code);
  }
  if (body.data === undefined || body.data === null) {
    throw new ApiError(`The server answered HTTP ${String(response.status)} with no data.`, 'HTTP');
  }
  return body.data;
}

/** For a view to show: the reader-facing message of any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? `Something went wrong in the page: ${error.message}` : 'Something went wrong in the page.';
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(`No ${what} with id “${id}”.`, 'NOT_FOUND');
}
