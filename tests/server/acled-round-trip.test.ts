/**
 * The round trip with a real ACLED file, both drivers: import the 2015 Pakistan export into one
 * database, export it as ACLED CSV, import the export into an empty database (seeded at start as
 * every database is). Same records, same actors verbatim, same categories and groups, same
 * aggregates — including the stats' militant totals.
 */
import { existsSync, openAsBlob } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../support/rows';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const OLD = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');

interface Stored {
  external_id: string;
  occurred_at: string;
  province: string;
  district: string | null;
  category: string;
  group_name: string | null;
  actors: unknown;
  killed: number;
}

const stored = async (server: TestServer) =>
  (
    await rows<Stored>(
      server.runtime.database.db,
      sql`select external_id, occurred_at::text, province, district, category, group_name, actors,
        (killed_civilians_low + killed_security_forces_low + killed_militants_low + killed_not_specified_low)::int as killed
        from incidents order by external_id`,
    )
  ).map((r) => ({ ...r, actors: typeof r.actors === 'string' ? JSON.parse(r.actors) : r.actors }));

describe.skipIf(!existsSync(OLD)).each(drivers)('ACLED import → export → import on %s', (driver) => {
  let a: TestServer;
  let b: TestServer;
  const token = { a: '', b: '' };

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestServer(driver, { env: { REFERENCE_DATA: 'on' } }),
      startTestServer(driver, { env: { REFERENCE_DATA: 'on' } }),
    ]);
    token.a = await tokenFor(a, (await addUser(a, 'op@example.org', 'operator')).id);
    token.b = await tokenFor(b, (await addUser(b, 'op@example.org', 'operator')).id);
  });
  afterAll(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  const post = async (server: TestServer, t: string, body: BodyInit, type?: string) => {
    const res = await fetch(`${server.url}/api/import/acled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, ...(type ? { 'content-type': type } : {}) },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      rows: number;
      imported: number;
      errorCount: number;
      fatalities: { imported: number };
    };
  };

  it('gives the same records, actors, categories, groups and aggregates', async () => {
    const form = new FormData();
    form.append('file', await openAsBlob(OLD), 'acled.csv');
    const first = await post(a, token.a, form);
    expect(first.errorCount).toBe(0);

    const res = await fetch(`${a.url}/api/export/incidents.csv`, { headers: { authorization: `Bearer ${token.a}` } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const second = await post(b, token.b, csv, 'text/csv');
    expect(second).toMatchObject({ rows: first.imported, imported: first.imported, errorCount: 0 });
    expect(second.fatalities.imported).toBe(first.fatalities.imported);

    const [before, after] = [await stored(a), await stored(b)];
    expect(after).toHaveLength(before.length);
    expect(after).toEqual(before);
    // Every category the table produces is present, so the comparison covers each.
    expect(new Set(before.map((r) => r.category))).toEqual(
      new Set(['attack', 'clash', 'interstate', 'state_violence']),
    );
    expect(before.filter((r) => r.group_name === 'TTP').length).toBeGreaterThan(50);

    const summaries: Record<string, { incidents: number }> = {};
    for (const query of ['', '?category=interstate', '?category=attack,clash,interstate,state_violence']) {
      const [sa, sb] = await Promise.all([
        call(a, 'GET', `/api/stats/summary${query}`, { token: token.a }),
        call(b, 'GET', `/api/stats/summary${query}`, { token: token.b }),
      ]);
      expect(sa.status).toBe(200);
      // `to` is each server's "now": everything else must agree.
      expect({ ...sb.body.current, to: null }).toEqual({ ...sa.body.current, to: null });
      summaries[query] = sa.body.current;
    }
    // Lists filter by actor text as the source wrote it, case-insensitively, with LIKE's wildcards literal.
    const india = await call(b, 'GET', '/api/incidents?limit=200&actor=military%20forces%20of%20INDIA', {
      token: token.b,
    });
    const items = india.body.items as { actors: { name: string }[]; category: string }[];
    expect(items.length).toBe(
      before.filter((r) => (r.actors as { name: string }[]).some((x) => /military forces of india/i.test(x.name)))
        .length,
    );
    expect(items.every((i) => i.actors.some((x) => x.name === 'Military Forces of India'))).toBe(true);
    const wildcard = await call(b, 'GET', '/api/incidents?actor=%25', { token: token.b });
    expect(wildcard.body.items).toEqual([]);

    // The default counts militant violence only: attacks and clashes, not interstate or state violence.
    const militant = before.filter((r) => r.category === 'attack' || r.category === 'clash').length;
    expect(summaries['']!.incidents).toBe(militant);
    expect(summaries['?category=interstate']!.incidents).toBe(before.filter((r) => r.category === 'interstate').length);
    expect(summaries['?category=attack,clash,interstate,state_violence']!.incidents).toBe(before.length);
  });
});
