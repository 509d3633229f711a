/**
 * GTD and UCDP files → the ACLED export → an import into an empty database, both drivers. ACLED's
 * columns cannot carry every GTD or UCDP field (source fields, spans stay with the first database),
 * but the round trip keeps every record once and every death on the side the source gave it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ucdpCsv, ucdpRow } from '../core/import/ucdp-csv';
import { rows } from '../support/rows';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, tokenFor } from './api-support';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const GTD = path.join(realDir, 'gtd_derived_pakistan_2007_2018_processed_from_parquet.csv');

const sides = async (server: TestServer) =>
  (
    await rows<Record<string, number>>(
      server.runtime.database.db,
      sql`select count(*)::int as records,
        coalesce(sum(killed_civilians_low),0)::int as civilians, coalesce(sum(killed_security_forces_low),0)::int as security_forces,
        coalesce(sum(killed_militants_low),0)::int as militants, coalesce(sum(killed_not_specified_low),0)::int as not_specified,
        coalesce(sum(killed_not_specified_high),0)::int as not_specified_high,
        coalesce(sum(injured_civilians_low),0)::int as injured_civilians
        from incidents`,
    )
  )[0]!;

describe.skipIf(!existsSync(GTD)).each(drivers)('GTD and UCDP → ACLED export → import on %s', (driver) => {
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

  const post = async (server: TestServer, t: string, body: BodyInit, query = '') => {
    const res = await fetch(`${server.url}/api/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { format: string; rows: number; imported: number; errorCount: number };
  };

  // Four imports of a few hundred rows on a shared 2-core machine: a generous bound, not a deadline.
  it('keeps every record once and every death on its side', { timeout: 300_000 }, async () => {
    // The first 400 real rows (one per line: the extract has no line breaks inside quotes).
    const gtd = readFileSync(GTD, 'utf8').split('\n').slice(0, 401).join('\n') + '\n';
    expect(await post(a, token.a, gtd)).toMatchObject({ format: 'gtd', imported: 400, errorCount: 0 });
    const ucdp = ucdpCsv([ucdpRow(1), ucdpRow(2, { best: '8', high: '20' })]);
    expect(await post(a, token.a, ucdp)).toMatchObject({ format: 'ucdp', imported: 2 });

    const res = await fetch(`${a.url}/api/export/incidents.csv?category=attack,clash,interstate,state_violence`, {
      headers: { authorization: `Bearer ${token.a}` },
    });
    expect(res.status).toBe(200);
    const second = await post(b, token.b, await res.text(), '?format=acled');
    expect(second).toMatchObject({ format: 'acled', rows: 402, imported: 402, errorCount: 0 });
    const [before, after] = [await sides(a), await sides(b)];
    expect(before.records).toBe(402);
    expect(after).toEqual(before);

    // Importing the export back where it came from matches every record: nothing duplicated.
    const csv = await (
      await fetch(`${a.url}/api/export/incidents.csv`, { headers: { authorization: `Bearer ${token.a}` } })
    ).text();
    const back = await post(a, token.a, csv, '?format=acled');
    expect(back).toMatchObject({ imported: 0, errorCount: 0 });
    expect((await sides(a)).records).toBe(402);
  });
});
