/**
 * UCDP GED and GTD files through the real sink on both drivers: stored with their span, their
 * source fields and the time they were synced; a re-import matches by source and source id and
 * never duplicates; a changed row is a new version.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../core/import/import-file';
import { createImportBatches } from '../../core/import/import-batch';
import { ucdpCsv, ucdpRow } from '../core/import/ucdp-csv';
import { count, rows } from '../support/rows';
import { drivers, testCtx, useTestDatabase, type TestDatabase } from '../support/test-database';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const GTD = path.join(realDir, 'gtd_derived_pakistan_2007_2018_processed_from_parquet.csv');

const TTP = {
  id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000001',
  shortName: 'TTP',
  fullName: 'Tehrik-e-Taliban Pakistan',
  aliases: [],
};

describe.each(drivers)('source imports on %s', (driver) => {
  let database!: TestDatabase;
  useTestDatabase(
    driver,
    ['incidents', 'operations', 'changes', 'incident_rollup_daily', 'operation_rollup_daily', 'groups'],
    (d) => (database = d),
  );
  beforeEach(async () => {
    await database.db.execute(
      sql`INSERT INTO groups (id, short_name, full_name) VALUES (${TTP.id}, ${TTP.shortName}, ${TTP.fullName})`,
    );
  });

  const run = (csv: string | NodeJS.ReadableStream) =>
    importFile({
      input: typeof csv === 'string' ? [csv] : (csv as AsyncIterable<Buffer>),
      options: { groups: [TTP], now: () => new Date('2025-01-01T00:00:00Z') },
      sink: createImportBatches(testCtx(database)),
    });

  it('UCDP: stores the span, the source fields and the sync time; a re-import updates, never duplicates', async () => {
    const csv = ucdpCsv([ucdpRow(1), ucdpRow(2, { date_prec: '2', date_start: '2016-01-02', date_end: '2016-01-05' })]);
    const first = await run(csv);
    expect(first).toMatchObject({ format: 'ucdp', rows: 2, imported: 2, errorCount: 0 });
    const [stored] = await rows<{
      occurred_until: string | null;
      source_fields: Record<string, unknown>;
      synced_at: string | null;
      killed_security_forces_low: number;
      killed_militants_low: number;
      killed_not_specified_high: number;
    }>(
      database.db,
      sql`select occurred_until::text, source_fields, synced_at, killed_security_forces_low, killed_militants_low, killed_not_specified_high from incidents where external_id = 'ucdp:2'`,
    );
    expect(stored).toMatchObject({
      occurred_until: '2016-01-05',
      source_fields: expect.objectContaining({ best: 8, low: 8, high: 10 }),
      killed_security_forces_low: 2,
      killed_militants_low: 5,
      killed_not_specified_high: 2,
    });
    expect(stored!.synced_at).not.toBeNull();
    const changesBefore = await count(database.db, 'changes');

    const again = await run(csv);
    expect(again).toMatchObject({ rows: 2, imported: 0, updated: 2, unchanged: 2 });
    expect(await count(database.db, 'incidents')).toBe(2);
    expect(await count(database.db, 'changes')).toBe(changesBefore);
    const [resynced] = await rows<{ synced_at: string }>(
      database.db,
      sql`select synced_at from incidents where external_id = 'ucdp:2'`,
    );
    expect(new Date(resynced!.synced_at).getTime()).toBeGreaterThanOrEqual(new Date(stored!.synced_at!).getTime());

    const revised = await run(ucdpCsv([ucdpRow(1, { best: '9', high: '10', deaths_unknown: '1' })]));
    expect(revised.errors).toEqual([]);
    expect(revised).toMatchObject({ imported: 0, changed: 1 });
    const [v] = await rows<{ version: number; n: number }>(
      database.db,
      sql`select version, killed_not_specified_low as n from incidents where external_id = 'ucdp:1'`,
    );
    expect(v).toEqual({ version: 2, n: 1 });
  });

  it.skipIf(!existsSync(GTD))(
    'GTD: the real Pakistan extract stored once with every death by side; a re-import changes nothing',
    async () => {
      const first = await run(createReadStream(GTD));
      expect(first).toMatchObject({ format: 'gtd', rows: 1749, imported: 1749, errorCount: 0 });
      expect(await count(database.db, 'incidents')).toBe(1749);
      const [sums] = await rows<{ killed: number; militants: number; ttp: number; synced: number }>(
        database.db,
        sql`select (coalesce(sum(killed_civilians_low),0) + coalesce(sum(killed_security_forces_low),0) + coalesce(sum(killed_militants_low),0) + coalesce(sum(killed_not_specified_low),0))::int as killed,
        coalesce(sum(killed_militants_low),0)::int as militants,
        count(*) filter (where group_id = ${TTP.id})::int as ttp,
        count(synced_at)::int as synced
        from incidents`,
      );
      expect(sums).toEqual({ killed: first.fatalities.imported, militants: 390, ttp: 207, synced: 1749 });
      const changes = await count(database.db, 'changes');
      const again = await run(createReadStream(GTD));
      expect(again).toMatchObject({ rows: 1749, imported: 0, unchanged: 1749 });
      expect(await count(database.db, 'incidents')).toBe(1749);
      expect(await count(database.db, 'changes')).toBe(changes);
    },
  );
});
