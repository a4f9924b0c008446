import type { Middleware } from 'openapi-fetch';

/** Where the middleware gets tokens from; the auth feature provides it. */
export interface TokenSource {
  /** The access token to send now (may refresh first when it is about to expire), or null. */
  getAccessToken: () => Promise<string | null>;
  /** Tries to get a new access token; resolves false when the session is over. */
  refresh: () => Promise<boolean>;
}

/**
 * Sends the bearer token, and when a request comes back 401 refreshes once and retries it once.
 * Paths in `anonymousPaths` (the token endpoints) are left alone, so a refresh never recurses.
 */
export function createBearerAuthMiddleware(
  tokens: TokenSource,
  anonymousPaths: readonly string[],
): Middleware {
  const sent = new Map<string, { retry: Request; token: string }>();

  return {
    async onRequest({ request, schemaPath, id }) {
      if (anonymousPaths.includes(schemaPath)) return undefined;
      const token = await tokens.getAccessToken();
      if (token === null) return undefined;
      request.headers.set('Authorization', `Bearer ${token}`);
      sent.set(id, { retry: request.clone(), token });
      return request;
    },

    async onResponse({ response, id, options }) {
      const attempt = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || attempt === undefined) return undefined;

      // Another request may already have refreshed while this one was in flight.
      let token = await tokens.getAccessToken();
      if (token === null || token === attempt.token) {
        if (!(await tokens.refresh())) return undefined;
        token = await tokens.getAccessToken();
        if (token === null) return undefined;
      }
      attempt.retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(attempt.retry);
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
}
