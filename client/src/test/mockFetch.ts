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
