/**
 * The ACLED API client against the stand-in (real HTTP, port 0): the documented OAuth password
 * grant, bearer reads, one re-authentication on an expired token, 429 waits with Retry-After,
 * backoff on 5xx, and errors that never carry the password.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AcledApiClient, AcledApiError, retryAfterMs } from '../../../core/sync/acled-api-client';
import { apiEvent, startAcledStandIn, type AcledStandIn } from '../../support/acled-stand-in';

let api: AcledStandIn;
const waits: number[] = [];
const client = (over: Partial<ConstructorParameters<typeof AcledApiClient>[0]> = {}) =>
  new AcledApiClient({
    baseUrl: api.url,
    account: api.account,
    pause: async (ms) => void waits.push(ms),
    backoffMs: 10,
    ...over,
  });

beforeAll(async () => {
  api = await startAcledStandIn();
  api.put(apiEvent({ event_id_cnty: 'PAK1' }));
});
afterAll(async () => api?.close());
beforeEach(() => {
  api.requests.length = 0;
  waits.length = 0;
});

describe('ACLED API client', () => {
  it('takes a token with the password grant (client_id acled) and reads with it as a bearer', async () => {
    const page = await client().readEvents({ country: 'Pakistan', limit: '10', page: '1' });
    expect(page.rows.map((r) => r.event_id_cnty)).toEqual(['PAK1']);
    const [token, read] = api.requests;
    expect(token).toMatchObject({ method: 'POST', path: '/oauth/token' });
    expect(token!.form).toMatchObject({ grant_type: 'password', client_id: 'acled', username: api.account.username });
    expect(read).toMatchObject({ path: '/api/acled/read', query: { country: 'Pakistan', limit: '10', page: '1' } });
  });

  it('re-authenticates once when the token expired (refresh token first), then reads again', async () => {
    const c = client();
    await c.readEvents({ page: '1' });
    api.expireTokens();
    const page = await c.readEvents({ page: '2' });
    expect(page.rows).toEqual([]);
    expect(c.reauthentications).toBe(1);
    const grants = api.requests.filter((r) => r.path === '/oauth/token').map((r) => r.form!.grant_type);
    expect(grants).toEqual(['password', 'refresh_token']);
  });

  it('gives up after one re-authentication when the new token is refused too', async () => {
    const c = client();
    await c.readEvents({});
    api.expireTokens();
    api.failNext('/api/acled/read', 401);
    api.failNext('/api/acled/read', 401);
    const err = await c.readEvents({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AcledApiError);
    expect((err as AcledApiError).kind).toBe('auth');
    expect(api.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
  });

  it('says the account was refused, without the password', async () => {
    const err = await client({ account: { username: api.account.username, password: 'wrong-password-xyz' } })
      .readEvents({})
      .catch((e: unknown) => e);
    expect((err as AcledApiError).kind).toBe('auth');
    expect((err as Error).message).toMatch(/refused the account/);
    expect((err as Error).message).not.toContain('wrong-password-xyz');
  });

  it('waits out a 429 for its Retry-After and asks again', async () => {
    const c = client();
    await c.readEvents({});
    api.failNext('/api/acled/read', 429, { 'retry-after': '7' });
    const page = await c.readEvents({});
    expect(page.rows).toHaveLength(1);
    expect(waits).toEqual([7000]);
    expect(c.rateLimitWaits).toBe(1);
  });

  it('fails with the wait when Retry-After is longer than it may wait within a run', async () => {
    api.failNext('/oauth/token', 429, { 'retry-after': '3600' });
    const err = (await client()
      .readEvents({})
      .catch((e: unknown) => e)) as AcledApiError;
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(waits).toEqual([]);
  });

  it('retries a 5xx with doubling backoff, and reports the last one past its attempts', async () => {
    const c = client();
    await c.readEvents({});
    api.failNext('/api/acled/read', 502);
    api.failNext('/api/acled/read', 503);
    expect((await c.readEvents({})).rows).toHaveLength(1);
    expect(waits).toEqual([10, 20]);
    for (let i = 0; i < 4; i++) api.failNext('/api/acled/read', 500);
    const err = (await c.readEvents({}).catch((e: unknown) => e)) as AcledApiError;
    expect(err.kind).toBe('http');
    expect(err.message).toMatch(/500/);
  });

  it('refuses an answer without a data array, naming what it got', async () => {
    const c = client();
    await c.readEvents({});
    api.failNext('/api/acled/read', 200, {}, { status: 200, success: true, rows: [] });
    const err = (await c.readEvents({}).catch((e: unknown) => e)) as AcledApiError;
    expect(err.kind).toBe('format');
    expect(err.message).toMatch(/no data array.*rows/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
