import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { resultRows } from '../../db/result-rows';

describe.each(drivers)('migrations and a first write on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates an incident with its change and rollup', async () => {
    const ctx = testCtx(database);
    const { record, change } = await createIncident({
      ctx,
      input: {
        occurredAt: '2025-03-01T10:00:00Z',
        province: 'KP',
        type: 'ied_explosive',
        casualties: { killed: { civilians: { low: 2, high: 4 } } },
      },
    });
    expect(record.version).toBe(1);
    expect(change.seq).toBe(1);
    const rollup = await database.db.execute(
      sql`select incidents, killed_low_civilians, killed_high_civilians from incident_rollup_daily`,
    );
    const rows = resultRows<Record<string, unknown>>(rollup);
    expect(
      rows.map((r) => [Number(r.incidents), Number(r.killed_low_civilians), Number(r.killed_high_civilians)]),
    ).toEqual([[1, 2, 4]]);
  });
});
