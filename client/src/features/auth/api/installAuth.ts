import { createBearerAuthMiddleware } from '../../../api/bearerAuth';
import type { ApiClient } from '../../../api/client';
import type { SessionStore } from '../session/sessionStore';
import { createSessionTokenSource } from './sessionTokens';
import { AUTH_PATHS } from './tokens';

/** Makes every call on `client` carry the session's bearer token and survive token expiry. */
export function installAuth(client: ApiClient, store: SessionStore): void {
  client.use(createBearerAuthMiddleware(createSessionTokenSource(client, store), AUTH_PATHS));
}
