import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '../test/mockFetch';
import { createApiClient, unwrap } from './client';
import { ApiProblem, parseRetryAfter, problemFromResponse, toApiProblem } from './problem';

const client = createApiClient({ baseUrl: 'http://api.test' });
const getMe = () => unwrap(client.GET('/api/v1/me'));

async function failureOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe('problem details mapping', () => {
  it('maps a validation problem with its errors map to fieldErrors', async () => {
    mockFetch(() =>
      problem({
        status: 400,
        type: 'https://salescrm.dev/problems/validation',
        title: 'One or more validation errors occurred.',
        detail: 'See errors.',
        traceId: '00-abc-01',
        errors: { email: ['Email is required.'], password: ['Too short.', 'Needs a digit.'] },
      }),
    );

    const error = await failureOf(getMe());

    expect(error.status).toBe(400);
    expect(error.type).toBe('https://salescrm.dev/problems/validation');
    expect(error.title).toBe('One or more validation errors occurred.');
    expect(error.detail).toBe('See errors.');
    expect(error.traceId).toBe('00-abc-01');
    expect(error.fieldErrors).toEqual({
      email: ['Email is required.'],
      password: ['Too short.', 'Needs a digit.'],
    });
  });

  it('maps a plain problem without errors to empty fieldErrors', async () => {
    mockFetch(() =>
      problem({ status: 404, type: 'https://salescrm.dev/problems/not-found', title: 'Not found' }),
    );

    const error = await failureOf(getMe());

    expect(error).toMatchObject({ status: 404, title: 'Not found', detail: null, fieldErrors: {} });
    expect(error.message).toBe('Not found');
  });

  it('maps a non-JSON error body to a problem with a readable title', async () => {
    mockFetch(
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );

    const error = await failureOf(getMe());

    expect(error).toMatchObject({ status: 502, type: 'about:blank', detail: null, fieldErrors: {} });
    expect(error.title).toMatch(/server had a problem/i);
  });

  it('maps an empty error body using the status', async () => {
    mockFetch(() => new Response(null, { status: 403 }));

    const error = await failureOf(getMe());

    expect(error).toMatchObject({ status: 403, title: 'You do not have access to this.' });
  });

  it('ignores malformed entries in the errors map', () => {
    const error = problemFromResponse(new Response(null, { status: 400 }), {
      title: 'Invalid',
      errors: { email: 'Single message', limit: [42, 'Must be positive.'], bad: null },
    });

    expect(error.fieldErrors).toEqual({ email: ['Single message'], limit: ['Must be positive.'] });
  });

  it('reads Retry-After on a 429', async () => {
    mockFetch(() => problem({ status: 429, title: 'Too many requests' }, { 'Retry-After': '30' }));

    const error = await failureOf(getMe());

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('falls back to retryAfterSeconds in the body when the header is missing', async () => {
    mockFetch(() => problem({ status: 429, title: 'Too many requests', retryAfterSeconds: 300 }));

    const error = await failureOf(getMe());

    expect(error.retryAfterSeconds).toBe(300);
  });

  it('turns a fetch rejection into a network problem', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = await failureOf(getMe());

    expect(error.status).toBe(0);
    expect(error.title).toMatch(/cannot reach the server/i);
  });

  it('returns data for a successful response', async () => {
    const me = { id: '1', email: 'a@b.c', displayName: 'A', role: 'rep', teamId: null };
    mockFetch(() => json(me));

    await expect(getMe()).resolves.toEqual(me);
  });

  it('wraps unknown errors for display', () => {
    expect(toApiProblem(new Error('boom')).title).toMatch(/something went wrong/i);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('finds a field’s messages, its items’ and members’ too, and the ones no form field shows', () => {
    const problem = new ApiProblem({
      status: 400,
      title: 'The request is not valid.',
      fieldErrors: {
        scopes: ['Grant at least one scope.'],
        'scopes[1]': ['Unknown scope.'],
        scopesExtra: ['Not a member of scopes.'],
        'Idempotency-Key': ['Too long.'],
      },
    });

    expect(problem.errorsFor('scopes')).toEqual(['Grant at least one scope.', 'Unknown scope.']);
    expect(problem.errorsFor('name')).toEqual([]);
    expect(problem.errorsOutside(['scopes'])).toEqual(['Not a member of scopes.', 'Too long.']);
  });
});
