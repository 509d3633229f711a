/**
 * A client of ACLED's API as acleddata.com documents it (docs/adr/0023 lists what could not be
 * confirmed):
 *
 * - `POST /oauth/token` (form-encoded `username`, `password`, `grant_type=password`,
 *   `client_id=acled`) answers `{ access_token, refresh_token, expires_in, token_type }`; the same
 *   endpoint takes `grant_type=refresh_token` with the refresh token.
 * - `GET /api/acled/read` and `GET /api/deleted/read` with `Authorization: Bearer <token>`, JSON by
 *   default: `{ status, success, count, data: [...] }`; `limit` rows a page, `page` from 1.
 *
 * Failures: a 401 means the access token expired or was revoked: the client re-authenticates ONCE
 * (refresh token first, then the password) and repeats the request; a second refusal is final. A
 * 429 is waited out (Retry-After, seconds or an HTTP date) up to `maxWaitMs`, and a 5xx or a lost
 * connection is retried with exponential backoff; past those bounds the request fails with an
 * AcledApiError that says when to come back (`retryAfterMs`).
 *
 * The password is held only in this object's closure and is never part of an error message.
 */
import { z } from 'zod';

export interface AcledAccount {
  username: string;
  password: string;
}

export interface AcledClientOptions {
  /** https://acleddata.com, or a stand-in in tests. */
  baseUrl: string;
  account: AcledAccount;
  fetch?: typeof fetch;
  /** Waits between attempts (tests pass a fast one). */
  pause?: (ms: number) => Promise<void>;
  /** Attempts per request for 5xx and network failures (default 4). */
  attempts?: number;
  /** First backoff step (default 2 s; doubled each attempt). */
  backoffMs?: number;
  /** The longest Retry-After waited out within a run (default 5 minutes); longer ones fail the run. */
  maxWaitMs?: number;
  /** Per request (default 120 s: a page of 5,000 events is a few MB). */
  timeoutMs?: number;
}

export type AcledApiErrorKind = 'auth' | 'rate_limited' | 'http' | 'network' | 'format';

export class AcledApiError extends Error {
  constructor(
    readonly kind: AcledApiErrorKind,
    message: string,
    /** When the API said (or backoff suggests) to try again. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'AcledApiError';
  }
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().optional(),
  token_type: z.string().optional(),
});

/** The JSON envelope of a read; rows are checked one by one later (acled-api-rows.ts). */
const ReadAnswer = z.object({
  status: z.coerce.number().optional(),
  success: z.boolean().optional(),
  count: z.coerce.number().optional(),
  data: z.array(z.record(z.string(), z.unknown())),
  error: z.unknown().optional(),
  messages: z.unknown().optional(),
});
export type AcledReadPage = { rows: Record<string, unknown>[]; count: number };

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AcledApiClient {
  private accessToken: string | null = null;
  private refreshToken: string | null = null;
  private readonly fetch: typeof fetch;
  private readonly pause: (ms: number) => Promise<void>;
  private readonly base: string;
  /** Requests made, for the run's report. */
  requests = 0;
  /** How many times a 429 was waited out. */
  rateLimitWaits = 0;
  /** How many times an expired token was replaced. */
  reauthentications = 0;

  constructor(private readonly opts: AcledClientOptions) {
    this.fetch = opts.fetch ?? fetch;
    this.pause = opts.pause ?? sleep;
    this.base = opts.baseUrl.replace(/\/+$/, '');
  }

  /** One page of events. `query` is sent as given (country, timestamp, limit, page, …). */
  readEvents(query: Record<string, string>): Promise<AcledReadPage> {
    return this.read('/api/acled/read', query);
  }

  /** One page of the deleted-events feed (event_id_cnty, deleted_timestamp). */
  readDeleted(query: Record<string, string>): Promise<AcledReadPage> {
    return this.read('/api/deleted/read', query);
  }

  private async read(path: string, query: Record<string, string>): Promise<AcledReadPage> {
    const url = `${this.base}${path}?${new URLSearchParams(query)}`;
    if (this.accessToken === null) await this.authenticate('password');
    let res = await this.send(url, { headers: this.authHeader() });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      // The token expired (or was revoked): one new token, then the request once more.
      this.reauthentications += 1;
      await this.reauthenticate();
      res = await this.send(url, { headers: this.authHeader() });
      if (res.status === 401 || res.status === 403) {
        const detail = await errorText(res);
        throw new AcledApiError(
          'auth',
          `ACLED refused the account's new token (${res.status}${detail}); check that API access is enabled for it`,
        );
      }
    }
    if (!res.ok) {
      const detail = await errorText(res);
      throw new AcledApiError('http', `ACLED answered ${res.status} to ${path}${detail}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new AcledApiError('format', `ACLED's answer to ${path} is not JSON`);
    }
    const parsed = ReadAnswer.safeParse(body);
    if (!parsed.success)
      throw new AcledApiError('format', `ACLED's answer to ${path} has no data array (${describe(body)})`);
    if (parsed.data.success === false)
      throw new AcledApiError('http', `ACLED reported a failure for ${path}${describeError(parsed.data.error)}`);
    return { rows: parsed.data.data, count: parsed.data.count ?? parsed.data.data.length };
  }

  private authHeader(): Record<string, string> {
    return { authorization: `Bearer ${this.accessToken}`, accept: 'application/json' };
  }

  private async reauthenticate(): Promise<void> {
    if (this.refreshToken !== null) {
      try {
        await this.authenticate('refresh');
        return;
      } catch (err) {
        if (!(err instanceof AcledApiError) || err.kind !== 'auth') throw err;
        // A refused refresh token: fall back to the password below.
      }
    }
    await this.authenticate('password');
  }

  private async authenticate(grant: 'password' | 'refresh'): Promise<void> {
    const form: Record<string, string> =
      grant === 'password'
        ? {
            username: this.opts.account.username,
            password: this.opts.account.password,
            grant_type: 'password',
            client_id: 'acled',
          }
        : { refresh_token: this.refreshToken!, grant_type: 'refresh_token', client_id: 'acled' };
    const res = await this.send(`${this.base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const detail = await errorText(res);
      if (grant === 'refresh') this.refreshToken = null;
      throw new AcledApiError(
        'auth',
        grant === 'password'
          ? `ACLED refused the account (${res.status}${detail}); enter the account again`
          : `ACLED refused the refresh token (${res.status})`,
      );
    }
    if (!res.ok)
      throw new AcledApiError('http', `ACLED's token endpoint answered ${res.status}${await errorText(res)}`);
    const parsed = TokenAnswer.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new AcledApiError('format', "ACLED's token answer has no access_token");
    this.accessToken = parsed.data.access_token;
    this.refreshToken = parsed.data.refresh_token ?? this.refreshToken;
  }

  /** One HTTP exchange with the waits and retries for 429, 5xx and lost connections. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    const attempts = this.opts.attempts ?? 4;
    const backoff = this.opts.backoffMs ?? 2000;
    const maxWait = this.opts.maxWaitMs ?? 5 * 60_000;
    for (let n = 0; ; n++) {
      this.requests += 1;
      let res: Response;
      try {
        res = await this.fetch(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 120_000) });
      } catch (err) {
        if (n + 1 >= attempts)
          throw new AcledApiError(
            'network',
            `ACLED could not be reached (${(err as Error).message ?? String(err)})`,
            backoff * 2 ** n,
          );
        await this.pause(backoff * 2 ** n);
        continue;
      }
      if (res.status === 429) {
        await res.body?.cancel();
        const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff * 2 ** n;
        if (wait > maxWait || n + 1 >= attempts)
          throw new AcledApiError(
            'rate_limited',
            `ACLED's rate limit: asked to wait ${Math.ceil(wait / 1000)} s`,
            wait,
          );
        this.rateLimitWaits += 1;
        await this.pause(wait);
        continue;
      }
      if (res.status >= 500 && n + 1 < attempts) {
        await res.body?.cancel();
        await this.pause(backoff * 2 ** n);
        continue;
      }
      return res;
    }
  }
}

async function errorText(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).trim();
  if (text === '') return '';
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const message = body.error_description ?? body.message ?? body.error;
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : describeError(message);
  } catch {
    return `: ${text.slice(0, 200)}`;
  }
}

function describeError(error: unknown): string {
  if (error === undefined || error === null) return '';
  if (typeof error === 'string') return `: ${error.slice(0, 200)}`;
  if (typeof error === 'object' && 'message' in error) return `: ${String(error.message).slice(0, 200)}`;
  return `: ${JSON.stringify(error).slice(0, 200)}`;
}

function describe(body: unknown): string {
  if (body === null || typeof body !== 'object') return typeof body;
  return `keys: ${Object.keys(body).slice(0, 8).join(', ') || 'none'}`;
}
