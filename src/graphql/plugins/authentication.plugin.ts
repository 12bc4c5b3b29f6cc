import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import type { RequestContext } from '../../context';
import { ErrorCode } from '../../domain/errors';

/**
 * Refuses the whole operation, before anything runs, when its token was refused or when reads
 * need a token and none came: HTTP 401 with a `WWW-Authenticate: Bearer` challenge. Role checks
 * for single fields are `@Authorized` (auth-checker.ts).
 */
export function authenticationPlugin(readsRequireToken: boolean): ApolloServerPlugin<RequestContext> {
  // The listener keeps no per-request state, so every request shares this one.
  const listener: GraphQLRequestListener<RequestContext> = {
    async responseForOperation({ contextValue }) {
      const auth = contextValue.authentication;
      if (auth.kind === 'invalid') return unauthenticated(auth.reason);
      if (readsRequireToken && auth.kind === 'anonymous') {
        return unauthenticated('This API needs a bearer token: send "Authorization: Bearer <token>".');
      }
      return null;
    },
  };
  return { requestDidStart: async () => listener };
}

function unauthenticated(message: string): GraphQLResponse {
  return {
    http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] } },
  };
}
