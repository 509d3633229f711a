/**
 * The reference data on every database (ensureReferenceData, run at every start and by every
 * command that opens the database): created once, never duplicated, never overwriting an admin's
 * edits or retractions; and the alias migration's additive merge.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retractGroup, updateGroup } from '../../core/group/group-verbs';
import { REFERENCE_FIGURES, REFERENCE_GROUPS } from '../../core/seed/reference-data';
import { ensureReferenceData } from '../../db/ensure-reference-data';
import { count, rows } from '../support/rows';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { startTestServer } from '../support/test-server';

describe.each(drivers)('reference data on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is seeded once, with the aliases ACLED uses, and keeps an admin’s edits on every later run', async () => {
    const ids = await ensureReferenceData(database);
    expect(Object.keys(ids).sort()).toEqual(REFERENCE_GROUPS.map((g) => g.shortName).sort());
    const figures = await count(database.db, 'reference_figures');
    expect(figures).toBe(REFERENCE_FIGURES.length);
    const [isk] = await rows<{ aliases: string[] }>(
      database.db,
      sql`select aliases from groups where short_name = 'ISIL-K'`,
    );
    expect(isk!.aliases).toEqual(expect.arrayContaining(['Islamic State (Afghanistan)', 'Islamic State (Pakistan)']));

    const ctx = testCtx(database);
    await updateGroup({ ctx, id: ids.TTP!, input: { version: 1, aliases: ['Only this one'] } });
    await retractGroup({ ctx, id: ids.IMU!, input: { version: 1, reason: 'not active here' } });
    const again = await ensureReferenceData(database);
    expect(again.IMU).toBeUndefined(); // retracted: kept retracted, not re-created
    expect(await count(database.db, 'groups')).toBe(REFERENCE_GROUPS.length);
    expect(await count(database.db, 'reference_figures')).toBe(figures);
    const [ttp] = await rows<{ aliases: string[]; version: number }>(
      database.db,
      sql`select aliases, version from groups where short_name = 'TTP'`,
    );
    expect(ttp).toEqual({ aliases: ['Only this one'], version: 2 });
  });
});

describe.each(drivers)('every start of the app on %s', (driver) => {
  it('seeds the reference data when REFERENCE_DATA is on (the default)', async () => {
    const server = await startTestServer(driver, { env: { REFERENCE_DATA: 'on' } });
    try {
      expect(await count(server.runtime.database.db, 'groups')).toBe(REFERENCE_GROUPS.length);
    } finally {
      await server.destroy();
    }
  });
});
