/**
 * Migration 0008: imported ACLED rows lose the zeros the importer once invented (injured, and the
 * killed categories ACLED does not give), and the rollups count them as missing. Rows typed in,
 * and figures an editor set, keep their values. The old rows are written with raw SQL, as the old
 * importer left them, and the migration's own file is run over them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { drivers, openTestDatabase, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const MIGRATION = path.resolve('db/migrations/0011_imported_figures_not_reported.sql');
const statements = readFileSync(MIGRATION, 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

const zeros = ['killed', 'injured']
  .flatMap((s) => ['civilians', 'security_forces', 'militants', 'not_specified'].map((c) => `${s}_${c}_low`))
  .join(', ');
const zeroValues = (killedUnsplit: number, injuredCivilians = 0) =>
  `0, 0, 0, ${killedUnsplit}, ${injuredCivilians}, 0, 0, 0`;

describe.each(drivers)('migration 0008 on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    const insert = (id: string, externalId: string | null, values: string) =>
      database.db.execute(
        sql.raw(`INSERT INTO incidents (id, occurred_at, time_precision, province, geo_precision, type, target_type, external_id, ${zeros})
          VALUES ('${id}', '2024-02-03T10:00:00Z', 'day', 'KP', 'district', 'armed_assault', 'other', ${externalId ? `'${externalId}'` : 'NULL'}, ${values})`),
      );
    await insert('00000000-0000-4000-8000-000000000001', 'acled:PAK1', zeroValues(4));
    await insert('00000000-0000-4000-8000-000000000002', 'acled:PAK2', zeroValues(2, 5)); // an editor added 5 injured
    await insert('00000000-0000-4000-8000-000000000003', null, zeroValues(1)); // typed in: its zeros were typed
    await database.db.execute(
      sql.raw(`INSERT INTO operations (id, occurred_at, time_precision, geo_precision, kind, external_id, militants_killed, militants_arrested, security_killed, security_injured)
        VALUES ('00000000-0000-4000-8000-000000000004', '2024-02-03T00:00:00Z', 'day', 'district', 'other', 'acled:PAK3', 0, 0, 0, 0)`),
    );
    await rebuildRollups(database.db, 'Asia/Karachi');
    for (const s of statements) await database.db.execute(sql.raw(s));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('nulls the invented zeros of imported rows only', async () => {
    const r = await rows<Record<string, number | null>>(
      database.db,
      sql.raw(`SELECT external_id, ${zeros} FROM incidents ORDER BY id`),
    );
    expect(r[0]).toMatchObject({
      killed_not_specified_low: 4,
      killed_civilians_low: null,
      killed_militants_low: null,
      injured_civilians_low: null,
      injured_not_specified_low: null,
    });
    expect(r[1]).toMatchObject({ injured_civilians_low: 5, injured_militants_low: null, killed_not_specified_low: 2 });
    expect(r[2]).toMatchObject({ killed_civilians_low: 0, injured_civilians_low: 0, killed_not_specified_low: 1 });
    const [op] = await rows(
      database.db,
      sql`SELECT militants_killed, militants_arrested, security_killed FROM operations`,
    );
    expect(op).toEqual({ militants_killed: null, militants_arrested: null, security_killed: null });
  });

  it('leaves the rollups counting them as missing', async () => {
    const [cell] = await rows<Record<string, string | number>>(
      database.db,
      sql`SELECT sum(incidents)::int AS incidents, sum(injured_missing)::int AS injured_missing,
        sum(injured_missing_civilians)::int AS injured_missing_civilians, sum(killed_missing)::int AS killed_missing,
        sum(killed_missing_civilians)::int AS killed_missing_civilians, sum(killed_low_not_specified)::int AS killed
        FROM incident_rollup_daily`,
    );
    expect(cell).toEqual({
      incidents: 3,
      injured_missing: 1,
      injured_missing_civilians: 1,
      killed_missing: 0,
      killed_missing_civilians: 2,
      killed: 7,
    });
    const [narrow] = await rows(
      database.db,
      sql`SELECT injured_missing::int AS n FROM incident_rollup_narrow WHERE dim = 'all' AND grain = 'month'`,
    );
    expect(narrow).toEqual({ n: 1 });
    const [ops] = await rows(database.db, sql`SELECT militants_killed_missing::int AS n FROM operation_rollup_daily`);
    expect(ops).toEqual({ n: 1 });
  });
});
