import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { createOperation } from '../../core/operation/create-operation';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

describe.each(drivers)('rebuilding rollups on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the same cells the writing transactions kept', async () => {
    const ctx = testCtx(database);
    for (let i = 0; i < 12; i++) {
      const { record } = await createIncident({
        ctx,
        input: {
          occurredAt: `2025-0${1 + (i % 3)}-1${i % 9}T0${i % 10}:00:00Z`,
          province: i % 2 ? 'KP' : 'Punjab',
          type: i % 3 ? 'clash' : 'suicide_bombing',
          crossBorder: i % 4 ? 'unknown' : 'yes',
          casualties: {
            killed: { civilians: { low: i, high: i % 2 ? i + 3 : null } },
            injured: { militants: { low: 2 * i } },
          },
        },
      });
      if (i % 5 === 0) await updateIncident({ ctx, id: record.id, input: { version: 1, province: 'Sindh' } });
      if (i % 4 === 1) await retractIncident({ ctx, id: record.id, input: { reason: 'wrong' } });
      await createOperation({
        ctx,
        input: { occurredAt: '2025-01-05', kind: 'clearance', count: i + 1, militantsArrested: i },
      });
    }
    const snapshot = async () => ({
      incidents: await rows(
        database.db,
        sql`select * from incident_rollup_daily where incidents <> 0 order by day, country, province, group_key, type, target_type, verification`,
      ),
      operations: await rows(
        database.db,
        sql`select * from operation_rollup_daily where records <> 0 order by day, country, province, kind, group_key, verification`,
      ),
    });
    const kept = await snapshot();
    const cells = await rebuildRollups(database.db, database.reportZone);
    expect(cells.incidentCells).toBe(kept.incidents.length);
    expect(await snapshot()).toEqual(kept);
  });
});
