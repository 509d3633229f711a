/**
 * Migration 0006 on both drivers: Afghan records filed under the region "Afghanistan" with their
 * province in `district` move to that province (when it borders Pakistan), and the rollups follow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidents } from '../../core/incident/create-incident';
import { rows } from '../support/rows';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';

const MIGRATION = readFileSync(
  path.join(import.meta.dirname, '../../db/migrations/0006_afghan_provinces.sql'),
  'utf8',
).split('--> statement-breakpoint');

describe.each(drivers)('the Afghan province migration on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('moves the province out of the district, keeps interior provinces as legacy, and re-derives rollups', async () => {
    const ctx = testCtx(database);
    const base = { occurredAt: '2020-05-01T10:00:00Z', country: 'Afghanistan', type: 'clash' };
    await ctx.store.transact((tx) =>
      createIncidents({
        ctx,
        tx,
        inputs: [
          { ...base, province: 'Afghanistan', district: 'Kunar', casualties: { killed: { militants: { low: 3 } } } },
          { ...base, province: 'Afghanistan', district: 'nangarhar' },
          { ...base, province: 'Afghanistan', district: 'Balkh' },
          { ...base, occurredAt: '2020-05-02T10:00:00Z', country: 'Pakistan', province: 'KP', district: 'Bannu' },
        ],
      }),
    );
    for (const statement of MIGRATION) await database.db.execute(sql.raw(statement));
    const stored = await rows<{ province: string; district: string | null }>(
      database.db,
      sql`select province, district from incidents order by province`,
    );
    expect(stored).toEqual([
      { province: 'Afghanistan', district: 'Balkh' },
      { province: 'KP', district: 'Bannu' },
      { province: 'Kunar', district: null },
      { province: 'Nangarhar', district: null },
    ]);
    const cube = await rows<{ province: string; incidents: number; killed: number }>(
      database.db,
      sql`select province, sum(incidents)::int as incidents, sum(killed_low_militants)::int as killed from incident_rollup_daily group by 1 order by 1`,
    );
    expect(cube).toEqual([
      { province: 'Afghanistan', incidents: 1, killed: 0 },
      { province: 'KP', incidents: 1, killed: 0 },
      { province: 'Kunar', incidents: 1, killed: 3 },
      { province: 'Nangarhar', incidents: 1, killed: 0 },
    ]);
    const narrow = await rows<{ key: string; incidents: number }>(
      database.db,
      sql`select key, sum(incidents)::int as incidents from incident_rollup_narrow where dim = 'province' and grain = 'month' group by 1 order by 1`,
    );
    expect(narrow).toEqual([
      { key: 'Afghanistan', incidents: 1 },
      { key: 'KP', incidents: 1 },
      { key: 'Kunar', incidents: 1 },
      { key: 'Nangarhar', incidents: 1 },
    ]);
  });
});
