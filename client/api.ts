import type { ApiErrorBody } from '../common/schemas/common';
import i18n, { currentLocale } from './i18n';

const BASE = '/api/v1';

/** An error reply from the API; `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The whole reply, for errors that carry more than the message (roster problems). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** The token comes with GET /me and the login reply; every change request must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app decides what an expired session means (back to the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send<T>(
  method: Method,
  path: string,
  options: { query?: Query; body?: BodyInit; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }

  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: fall through to the generic message below.
  }
  if (response.ok) return body as T;

  if (response.status === 401) onUnauthorized();
  if (isErrorBody(body)) {
    const { code, message, field } = body.error;
    throw new ApiError(response.status, code, message, field, body);
  }
  throw new ApiError(
    response.status,
    `http_${response.status}`,
    i18n.t('common.serverError'),
    undefined,
    body,
  );
}

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, { query }),
  post: <T>(path: string, json?: unknown) => send<T>('POST', path, jsonBody(json)),
  put: <T>(path: string, json?: unknown) => send<T>('PUT', path, jsonBody(json)),
  patch: <T>(path: string, json?: unknown) => send<T>('PATCH', path, jsonBody(json)),
  delete: <T>(path: string, query?: Query) => send<T>('DELETE', path, { query }),
  /** Sends a file as the raw request body (the roster import takes the bytes, not a multipart form). */
  upload: <T>(path: string, file: Blob, contentType: string) =>
    send<T>('POST', path, { body: file, contentType }),
  /** A multipart form; the browser writes the Content-Type with its boundary. */
  postForm: <T>(path: string, form: FormData, query?: Query) => send<T>('POST', path, { body: form, query }),
};

function jsonBody(json: unknown) {
  return json === undefined ? {} : { body: JSON.stringify(json), contentType: 'application/json' };
}
