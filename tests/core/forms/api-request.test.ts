import { describe, expect, it } from 'vitest';
import { apiRequest, failureOf, recordIn } from '../../../app/forms/api-request';

const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers,
    })) as unknown as typeof fetch;

describe('failureOf', () => {
  it('reads the API error shape', () => {
    const f = failureOf(
      409,
      { error: { code: 'conflict', message: 'changed', fields: { version: 'old', n: 3 }, current: { id: 'x' } } },
      null,
    );
    expect(f).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'changed',
      fields: { version: 'old' },
      current: { id: 'x' },
    });
  });
  it('survives foreign bodies', () => {
    expect(failureOf(502, null, null)).toMatchObject({ code: 'http_502', fields: {} });
    expect(failureOf(429, { error: { code: 'rate_limited', message: 'slow down' } }, '30').retryAfter).toBe(30);
  });
});

describe('apiRequest', () => {
  it('sends the idempotency key and reads the record', async () => {
    let seen: RequestInit | undefined;
    const f = (async (_url: string, init: RequestInit) => {
      seen = init;
      return new Response(JSON.stringify({ incident: { id: 'i1', version: 1 } }), {
        status: 201,
        headers: { 'idempotent-replayed': 'true' },
      });
    }) as unknown as typeof fetch;
    const r = await apiRequest(
      { method: 'POST', url: '/api/incidents', body: { a: 1 }, idempotencyKey: 'k' },
      recordIn('incident'),
      f,
    );
    expect(r).toMatchObject({ ok: true, status: 201, replayed: true, data: { id: 'i1', version: 1 } });
    expect((seen?.headers as Record<string, string>)['idempotency-key']).toBe('k');
  });
  it('turns a thrown fetch into a network failure', async () => {
    const f = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await apiRequest({ method: 'GET', url: '/x' }, (b) => b, f)).toMatchObject({
      ok: false,
      status: 0,
      code: 'network',
    });
  });
  it('refuses a success body of the wrong shape', async () => {
    expect(
      await apiRequest({ method: 'GET', url: '/x' }, recordIn('incident'), reply(200, { other: 1 })),
    ).toMatchObject({ ok: false, code: 'unexpected_answer' });
  });
  it('returns API errors', async () => {
    expect(
      await apiRequest(
        { method: 'GET', url: '/x' },
        (b) => b,
        reply(400, { error: { code: 'validation', message: 'bad', fields: { a: 'x' } } }),
      ),
    ).toMatchObject({ ok: false, fields: { a: 'x' } });
  });
});
