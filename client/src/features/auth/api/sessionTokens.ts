import type { ApiClient } from '../../../api/client';
import type { TokenSource } from '../../../api/bearerAuth';
import type { SessionStore } from '../session/sessionStore';
import { exchangeRefreshToken, toSession } from './tokens';

/** Refresh this long before the access token expires, to allow for clock skew and latency. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Tokens for the bearer middleware, backed by the session store. Refreshes are single-flight:
 * refresh tokens rotate, so two parallel refreshes with the same token would revoke the family.
 * Any failed refresh ends the session (the router then shows the sign-in page).
 */
export function createSessionTokenSource(
  client: ApiClient,
  store: SessionStore,
  now: () => number = Date.now,
): TokenSource {
  let inFlight: Promise<boolean> | null = null;

  async function doRefresh(): Promise<boolean> {
    const refreshToken = store.get()?.refreshToken;
    if (!refreshToken) {
      store.clear();
      return false;
    }
    try {
      store.set(toSession(await exchangeRefreshToken(client, refreshToken), now()));
      return true;
    } catch {
      store.clear();
      return false;
    }
  }

  function refresh(): Promise<boolean> {
    inFlight ??= doRefresh().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    refresh,
    async getAccessToken() {
      if (inFlight) await inFlight;
      const session = store.get();
      if (session === null) return null;
      if (session.refreshToken && session.expiresAt - EXPIRY_MARGIN_MS <= now()) {
        if (!(await refresh())) return null;
        return store.get()?.accessToken ?? null;
      }
      return session.accessToken;
    },
  };
}
