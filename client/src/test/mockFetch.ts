import { vi } from 'vitest';

export type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces the global fetch with `handler`, recording every Request it was given. */
export function mockFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export function problem(
  body: { status: number; title: string; [key: string]: unknown },
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', ...body }), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function pathOf(request: Request): string {
  return new URL(request.url).pathname;
}

/**
 * A fake API keyed by `METHOD /path` (e.g. `PUT /api/v1/users/u2`). Unlisted requests get a 404
 * problem, so a test fails loudly when the UI calls something it did not expect.
 */
export function mockApi(routes: Record<string, Handler>) {
  return mockFetch((request) => {
    const handler = routes[`${request.method} ${pathOf(request)}`];
    return handler
      ? handler(request)
      : problem({ status: 404, title: 'Not found', detail: `No test route for ${request.method} ${pathOf(request)}` });
  });
}
