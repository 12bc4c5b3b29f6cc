import { ApiError, messageOf } from './api';

/** Failures that another try will not change: an unknown id, a malformed or over-limit request. */
const FINAL = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_LARGE']);

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

/** A failure in words, with a retry where trying again can help. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{messageOf(error)}</p>
      {error instanceof ApiError && error.code === 'NOT_FOUND' && <p>Search for the name in the field above instead.</p>}
      {retry !== undefined && !(error instanceof ApiError && FINAL.has(error.code)) && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
