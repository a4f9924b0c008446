import createClient, { type Client } from 'openapi-fetch';
import { networkProblem, problemFromResponse } from './problem';
import type { paths } from './schema';

export type ApiClient = Client<paths>;

export function createApiClient(options: { baseUrl: string; fetch?: typeof fetch }): ApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    // Resolve fetch per call, so tests that stub the global fetch are seen.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
  });
}

/** The one client the SPA uses; same origin as the page (the API serves the SPA, and Vite proxies in dev). */
export const api: ApiClient = createApiClient({ baseUrl: window.location.origin });

type FetchResult = { data?: unknown; error?: unknown; response: Response };
type SuccessData<R> = R extends { data: infer Data; error?: never } ? Data : never;

/** Awaits an openapi-fetch call and returns its data, or throws an ApiProblem. */
export async function unwrap<R extends FetchResult>(call: Promise<R>): Promise<SuccessData<R>> {
  return (await settle(call)).data;
}

/** A record with the `ETag` it was served with; send the tag back in `If-Match` to update it. */
export interface Tagged<T> {
  data: T;
  etag: string | null;
}

/** Like `unwrap`, keeping the response's `ETag` for a later version-guarded write. */
export async function unwrapTagged<R extends FetchResult>(call: Promise<R>): Promise<Tagged<SuccessData<R>>> {
  const { data, response } = await settle(call);
  return { data, etag: response.headers.get('ETag') };
}

/** The `If-Match` header parameter of a version-guarded write (empty when the read carried no tag: the API answers 428). */
export function ifMatch(etag: string | null): { 'If-Match': string } {
  return { 'If-Match': etag ?? '' };
}

async function settle<R extends FetchResult>(call: Promise<R>): Promise<{ data: SuccessData<R>; response: Response }> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    // fetch rejects with a TypeError when there is no response at all (offline, DNS, CORS).
    throw error instanceof TypeError ? networkProblem() : error;
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemFromResponse(result.response, result.error);
  }
  return { data: result.data as SuccessData<R>, response: result.response };
}
