/**
 * Calling the JSON API from a form. Every failure becomes one shape the forms can show: the API's
 * `{ error: { code, message, fields, current } }`, a network failure, or an unexpected answer.
 * Cookies go along (same origin) and the browser adds the Origin header the API's cross-site check
 * wants. Framework-free.
 */

export interface ApiFailure {
  ok: false;
  /** 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
  /** 409 on an edit: the record as it is now. */
  current?: unknown;
  /** 429: seconds to wait. */
  retryAfter?: number;
}

export type ApiResult<T> = { ok: true; status: number; data: T; replayed: boolean } | ApiFailure;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the API's error body; anything else (an HTML proxy page, an empty body) gets a plain message. */
export function failureOf(status: number, body: unknown, retryAfter: string | null): ApiFailure {
  const err = isObject(body) && isObject(body.error) ? body.error : null;
  const fields: Record<string, string> = {};
  if (err && isObject(err.fields))
    for (const [k, v] of Object.entries(err.fields)) if (typeof v === 'string') fields[k] = v;
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return {
    ok: false,
    status,
    code: err && typeof err.code === 'string' ? err.code : `http_${status}`,
    message: err && typeof err.message === 'string' ? err.message : `The server answered ${status}; nothing was saved.`,
    fields,
    ...(err && 'current' in err ? { current: err.current } : {}),
    ...(seconds !== undefined ? { retryAfter: seconds } : {}),
  };
}

export const NETWORK_FAILURE: Omit<ApiFailure, 'status'> = {
  ok: false,
  code: 'network',
  message: 'The server could not be reached. What you typed is kept here; try again when the connection is back.',
  fields: {},
};

/**
 * `read` checks the success body's shape (it throws on a surprise, which we report as a failure
 * rather than let a form act on a body it does not understand).
 */
export async function apiRequest<T>(
  req: ApiRequest,
  read: (body: unknown) => T,
  fetchImpl: typeof fetch = fetch,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
  let res: Response;
  try {
    res = await fetchImpl(req.url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: req.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return { ...NETWORK_FAILURE, status: 0 };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) return failureOf(res.status, body, res.headers.get('retry-after'));
  let data: T;
  try {
    data = read(body);
  } catch {
    return {
      ok: false,
      status: res.status,
      code: 'unexpected_answer',
      message: 'The server answered in a form this page does not understand; reload the page.',
      fields: {},
    };
  }
  return { ok: true, status: res.status, data, replayed: res.headers.get('idempotent-replayed') === 'true' };
}

/** A reader for `{ [key]: { id, version, ... } }` answers of record writes. */
export function recordIn<K extends string>(key: K) {
  return (body: unknown): { id: string; version: number; record: Record<string, unknown> } => {
    const record = isObject(body) ? body[key] : undefined;
    if (!isObject(record) || typeof record.id !== 'string' || typeof record.version !== 'number')
      throw new Error(`no ${key} in the answer`);
    return { id: record.id, version: record.version, record };
  };
}
