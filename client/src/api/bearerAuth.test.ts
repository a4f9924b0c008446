import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, pathOf, problem } from '../test/mockFetch';
import { createBearerAuthMiddleware, type TokenSource } from './bearerAuth';

/** A minimal contract for exercising the middleware on a write; not an API shape. */
interface TestPaths {
  '/things': {
    post: {
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { content: { 'application/json': { id: string } } } };
    };
  };
  '/token': {
    post: { responses: { 200: { content: { 'application/json': { ok: boolean } } } } };
  };
}

function fakeTokens(initial: string | null, refreshed: string | null) {
  let current = initial;
  const refresh = vi.fn(() => {
    current = refreshed;
    return Promise.resolve(refreshed !== null);
  });
  const tokens: TokenSource = { getAccessToken: () => Promise.resolve(current), refresh };
  return { ...tokens, refresh };
}

function clientWith(tokens: TokenSource) {
  const client = createClient<TestPaths>({
    baseUrl: 'http://api.test',
    fetch: (request: Request) => globalThis.fetch(request),
  });
  client.use(createBearerAuthMiddleware(tokens, ['/token']));
  return client;
}

describe('bearer auth middleware', () => {
  it('sends the bearer token', async () => {
    const { requests } = mockFetch(() => json({ id: '1' }, { status: 201 }));

    await clientWith(fakeTokens('access-1', null)).POST('/things', { body: { name: 'A' } });

    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('retries a 401 once with the refreshed token and the same body', async () => {
    const { requests } = mockFetch((request) =>
      request.headers.get('Authorization') === 'Bearer access-2'
        ? json({ id: '42' }, { status: 201 })
        : problem({ status: 401, title: 'Unauthorized' }),
    );
    const tokens = fakeTokens('access-1', 'access-2');

    const result = await clientWith(tokens).POST('/things', { body: { name: 'Call Ada' } });

    expect(result.data).toEqual({ id: '42' });
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.method).toBe('POST');
    expect(await requests[1]?.json()).toEqual({ name: 'Call Ada' });
  });

  it('gives back the 401 when the refresh fails, without retrying', async () => {
    const { requests } = mockFetch(() => problem({ status: 401, title: 'Unauthorized' }));
    const tokens = fakeTokens('access-1', null);

    const result = await clientWith(tokens).POST('/things', { body: { name: 'A' } });

    expect(result.response.status).toBe(401);
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(1);
  });

  it('retries only once when the retry is also refused', async () => {
    const { requests } = mockFetch(() => problem({ status: 401, title: 'Unauthorized' }));
    const tokens = fakeTokens('access-1', 'access-2');

    const result = await clientWith(tokens).POST('/things', { body: { name: 'A' } });

    expect(result.response.status).toBe(401);
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(2);
  });

  it('leaves anonymous paths alone', async () => {
    const { requests } = mockFetch((request) =>
      pathOf(request) === '/token' ? problem({ status: 401, title: 'Bad credentials' }) : json({}),
    );
    const tokens = fakeTokens('access-1', 'access-2');

    const result = await clientWith(tokens).POST('/token');

    expect(result.response.status).toBe(401);
    expect(requests[0]?.headers.get('Authorization')).toBeNull();
    expect(tokens.refresh).not.toHaveBeenCalled();
  });

  it('sends no header and does not refresh without a session', async () => {
    const { requests } = mockFetch(() => problem({ status: 401, title: 'Unauthorized' }));
    const tokens = fakeTokens(null, 'access-2');

    await clientWith(tokens).POST('/things', { body: { name: 'A' } });

    expect(requests[0]?.headers.get('Authorization')).toBeNull();
    expect(tokens.refresh).not.toHaveBeenCalled();
  });
});
