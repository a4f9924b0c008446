import { describe, expect, it } from 'vitest';
import { createBearerAuthMiddleware } from '../../../api/bearerAuth';
import { createApiClient, unwrap } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { json, mockFetch, pathOf, problem } from '../../../test/mockFetch';
import { createSessionStore, type Session } from '../session/sessionStore';
import { createSessionTokenSource } from './sessionTokens';
import { AUTH_PATHS } from './tokens';

const NOW = Date.parse('2025-03-01T09:00:00Z');
const me = { id: 'u1', email: 'rep@x.test', displayName: 'Rita Rep', role: 'rep', teamId: null };

function setup(session: Session) {
  const store = createSessionStore(window.sessionStorage);
  store.set(session);
  const client = createApiClient({ baseUrl: 'http://api.test' });
  client.use(
    createBearerAuthMiddleware(createSessionTokenSource(client, store, () => NOW), AUTH_PATHS),
  );
  return { store, getMe: () => unwrap(client.GET('/api/v1/me')) };
}

const valid: Session = { accessToken: 'old', refreshToken: 'refresh-1', expiresAt: NOW + 600_000 };

/** An API whose only valid access token is `new`, obtained with refresh token `refresh-1`. */
function api(options: { refreshWorks: boolean }) {
  return (request: Request) => {
    if (pathOf(request) === '/api/v1/auth/token') {
      return options.refreshWorks
        ? json({ accessToken: 'new', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-2' })
        : problem({ status: 401, title: 'Invalid refresh token' });
    }
    return request.headers.get('Authorization') === 'Bearer new'
      ? json(me)
      : problem({ status: 401, title: 'Unauthorized' });
  };
}

describe('session token refresh', () => {
  it('refreshes once on a 401, stores the rotated tokens and retries the request', async () => {
    const { requests } = mockFetch(api({ refreshWorks: true }));
    const { store, getMe } = setup(valid);

    await expect(getMe()).resolves.toEqual(me);

    const tokenRequest = requests.find((r) => pathOf(r) === '/api/v1/auth/token');
    expect(await tokenRequest?.json()).toMatchObject({ grantType: 'refresh_token', refreshToken: 'refresh-1' });
    expect(requests.map(pathOf)).toEqual(['/api/v1/me', '/api/v1/auth/token', '/api/v1/me']);
    expect(store.get()).toEqual({ accessToken: 'new', refreshToken: 'refresh-2', expiresAt: NOW + 900_000 });
  });

  it('shares one refresh between parallel requests (refresh tokens rotate)', async () => {
    const { requests } = mockFetch(api({ refreshWorks: true }));
    const { getMe } = setup(valid);

    await Promise.all([getMe(), getMe(), getMe()]);

    expect(requests.filter((r) => pathOf(r) === '/api/v1/auth/token')).toHaveLength(1);
  });

  it('clears the session when the refresh is refused and surfaces the 401', async () => {
    mockFetch(api({ refreshWorks: false }));
    const { store, getMe } = setup(valid);

    const error: unknown = await getMe().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(401);
    expect(store.get()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('refreshes before sending when the access token has expired', async () => {
    const { requests } = mockFetch(api({ refreshWorks: true }));
    const { getMe } = setup({ ...valid, expiresAt: NOW - 1 });

    await expect(getMe()).resolves.toEqual(me);

    expect(requests.map(pathOf)).toEqual(['/api/v1/auth/token', '/api/v1/me']);
  });
});
