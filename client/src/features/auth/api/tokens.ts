import { unwrap, type ApiClient } from '../../../api/client';
import type { ResponseBody } from '../../../api/types';
import type { Session } from '../session/sessionStore';

export type TokenResponse = ResponseBody<'/api/v1/auth/token', 'post'>;

/** Paths the bearer middleware must not touch: they are how tokens are obtained and given up. */
export const AUTH_PATHS = ['/api/v1/auth/token', '/api/v1/auth/sign-out'] as const;

/** The contract lists every credential field as required and nullable; send the unused ones as null. */
const NO_CREDENTIALS = {
  email: null,
  password: null,
  refreshToken: null,
  clientId: null,
  clientSecret: null,
} as const;

export function signInWithPassword(client: ApiClient, email: string, password: string) {
  return unwrap(
    client.POST('/api/v1/auth/token', {
      body: { ...NO_CREDENTIALS, grantType: 'password', email, password },
    }),
  );
}

export function exchangeRefreshToken(client: ApiClient, refreshToken: string) {
  return unwrap(
    client.POST('/api/v1/auth/token', {
      body: { ...NO_CREDENTIALS, grantType: 'refresh_token', refreshToken },
    }),
  );
}

export function revokeRefreshToken(client: ApiClient, refreshToken: string) {
  return unwrap(client.POST('/api/v1/auth/sign-out', { body: { refreshToken } }));
}

export function toSession(tokens: TokenResponse, now: number = Date.now()): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt: now + tokens.expiresIn * 1000,
  };
}
