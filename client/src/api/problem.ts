/**
 * The one place that turns an API failure (RFC 9457 problem details, or anything else a proxy
 * or a dead network hands back) into a typed error the UI can render.
 */
export type FieldErrors = Record<string, string[]>;

export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
  readonly fieldErrors: FieldErrors;
  readonly traceId: string | null;
  /** Seconds to wait before retrying, from the `Retry-After` header (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    type?: string;
    title: string;
    detail?: string | null;
    fieldErrors?: FieldErrors;
    traceId?: string | null;
    retryAfterSeconds?: number | null;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.traceId = init.traceId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** Messages for one field, including its items and members (`scopes` gets `scopes[1]` too). */
  errorsFor(field: string): string[] {
    return Object.entries(this.fieldErrors)
      .filter(([key]) => belongsTo(key, field))
      .flatMap(([, messages]) => messages);
  }

  /** Messages for fields a form does not show, so they can be listed with the form's alert. */
  errorsOutside(fields: readonly string[]): string[] {
    return Object.entries(this.fieldErrors)
      .filter(([key]) => !fields.some((field) => belongsTo(key, field)))
      .flatMap(([, messages]) => messages);
  }
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to sign in again.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  409: 'This conflicts with a change someone else made.',
  412: 'Someone else changed this first. Reload and try again.',
  413: 'That is too large to send.',
  429: 'Too many requests.',
};

/** Builds an ApiProblem from a failed response and its body, already parsed by openapi-fetch
 * (an object when the body was JSON, otherwise the raw text). */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  const status = response.status;
  const headerRetryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const fallbackTitle =
    FALLBACK_TITLES[status] ??
    (status >= 500 ? 'The server had a problem. Try again shortly.' : 'The request failed.');

  if (!isRecord(body)) {
    return new ApiProblem({ status, title: fallbackTitle, retryAfterSeconds: headerRetryAfter });
  }
  // The header is authoritative; the API also repeats it in the body as `retryAfterSeconds`.
  const retryAfterSeconds =
    headerRetryAfter ?? (typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null);
  return new ApiProblem({
    status: typeof body.status === 'number' ? body.status : status,
    type: stringOr(body.type, 'about:blank'),
    title: stringOr(body.title, fallbackTitle),
    detail: typeof body.detail === 'string' ? body.detail : null,
    fieldErrors: toFieldErrors(body.errors),
    traceId: typeof body.traceId === 'string' ? body.traceId : null,
    retryAfterSeconds,
  });
}

/** For fetch rejections (offline, DNS, CORS): no response at all. */
export function networkProblem(): ApiProblem {
  return new ApiProblem({
    status: 0,
    type: 'about:network-error',
    title: 'Cannot reach the server. Check your connection and try again.',
  });
}

/** Whatever was thrown, as something the UI can render. */
export function toApiProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem
    ? error
    : new ApiProblem({ status: 0, title: 'Something went wrong. Try again.' });
}

/** Seconds from a `Retry-After` header given either as delta-seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function toFieldErrors(errors: unknown): FieldErrors {
  if (!isRecord(errors)) return {};
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    if (Array.isArray(messages)) {
      const texts = messages.filter((m): m is string => typeof m === 'string');
      if (texts.length > 0) result[field] = texts;
    } else if (typeof messages === 'string') {
      result[field] = [messages];
    }
  }
  return result;
}

function belongsTo(key: string, field: string): boolean {
  return key === field || key.startsWith(`${field}[`) || key.startsWith(`${field}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
