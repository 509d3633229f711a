/**
 * Exports are safe to open in a spreadsheet (formula cells are prefixed with ') and throttled per
 * node (beyond MAX_CONCURRENT_EXPORTS running at once: 429 with Retry-After; a slot frees itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportGate } from '../../server/api/export-gate';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from './api-support';

describe.each(drivers)('export guards on %s', (driver) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(driver, { env: { MAX_CONCURRENT_EXPORTS: '2' } });
    token = await tokenFor(server, (await addUser(server, 'operator@example.org', 'operator')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('prefixes every text cell that a spreadsheet would run with an apostrophe', async () => {
    const payloads = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    for (const [n, summary] of payloads.entries()) {
      const res = await call(server, 'POST', '/api/incidents', { token, body: { ...incidentInput(n), summary } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const text = await fetch(`${server.url}/api/export/incidents.csv`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.text());
    const [header, ...rows] = parse(text, { relax_column_count: true }) as string[][];
    const notes = header!.indexOf('notes');
    const cells = rows.map((r) => r[notes]!);
    // The summary is trimmed on input, so the tab and CR payloads lose their leading control character.
    for (const p of payloads.map((v) => v.trim())) expect(cells).toContain(/^[=+\-@\t\r]/.test(p) ? `'${p}` : p);
    // No cell anywhere in the file starts like a formula.
    const risky = rows.flat().filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && Number.isNaN(Number(c))));
    expect(risky).toEqual([]);
  });

  it('answers 429 with Retry-After while every export slot is taken, and serves again once one frees', async () => {
    const gate = exportGate(server.runtime);
    // Hold both slots as two long downloads would.
    const held = [gate.tryEnter()!, gate.tryEnter()!];
    for (const file of ['incidents.csv', 'incidents.json']) {
      const res = await fetch(`${server.url}/api/export/${file}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, file).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    }
    // Lists and other reads are not affected.
    expect((await call(server, 'GET', '/api/incidents', { token })).status).toBe(200);
    held[0]!();
    const ok = await fetch(`${server.url}/api/export/incidents.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    await ok.text();
    held[1]!();
    // Finished and abandoned downloads give their slot back.
    await expect.poll(() => gate.inUse).toBe(0);
    const abort = new AbortController();
    const started = await fetch(`${server.url}/api/export/incidents.json`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(started.status).toBe(200);
    abort.abort();
    await expect.poll(() => gate.inUse).toBe(0);
  });
});
