/**
 * The narrow rollups the writing transactions keep equal the projections of the daily cube, for
 * every dimension and grain (with the per-type counts), after creates, edits that move records across days, weeks, months
 * and dimensions, and retractions; and the rebuild recomputes the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { createOperation } from '../../core/operation/create-operation';
import { updateOperation } from '../../core/operation/update-operation';
import { NARROW_DIMS, NARROW_GRAINS } from '../../core/rollup/narrow-rollups';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const KEY: Record<string, string> = {
  all: `''`,
  type: 'type',
  province: 'province',
  group: 'group_key',
  target: 'target_type',
};
const start = (grain: string) => (grain === 'day' ? `day::text` : `date_trunc('${grain}', day::timestamp)::date::text`);

describe.each(drivers)('narrow rollups on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function compare() {
    for (const dim of NARROW_DIMS) {
      for (const grain of NARROW_GRAINS[dim]) {
        const kept = await rows(
          database.db,
          sql.raw(`SELECT start::text AS s, key AS k, incidents::int AS n, killed_low_civilians::int AS kc, injured_high_militants::int AS im, with_high::int AS wh, by_type_clash::int AS tc
            FROM incident_rollup_narrow WHERE dim = '${dim}' AND grain = '${grain}' AND (incidents <> 0 OR killed_low_civilians <> 0) ORDER BY 1, 2`),
        );
        const projected = await rows(
          database.db,
          sql.raw(`SELECT ${start(grain)} AS s, ${KEY[dim]} AS k, sum(incidents)::int AS n, sum(killed_low_civilians)::int AS kc, sum(injured_high_militants)::int AS im, sum(with_high)::int AS wh,
              sum(CASE WHEN type = 'clash' THEN incidents ELSE 0 END)::int AS tc
            FROM incident_rollup_daily GROUP BY 1, 2 HAVING sum(incidents) <> 0 OR sum(killed_low_civilians) <> 0 ORDER BY 1, 2`),
        );
        expect(kept, `${dim} × ${grain}`).toEqual(projected);
      }
    }
    for (const grain of ['day', 'week', 'month']) {
      const kept = await rows(
        database.db,
        sql.raw(
          `SELECT start::text AS s, records::int AS r, operations::int AS o FROM operation_rollup_narrow WHERE grain = '${grain}' AND records <> 0 ORDER BY 1`,
        ),
      );
      const projected = await rows(
        database.db,
        sql.raw(
          `SELECT ${start(grain)} AS s, sum(records)::int AS r, sum(operations)::int AS o FROM operation_rollup_daily GROUP BY 1 HAVING sum(records) <> 0 ORDER BY 1`,
        ),
      );
      expect(kept, `operations × ${grain}`).toEqual(projected);
    }
  }

  it('follow the cube through writes, and the rebuild gives the same rows', async () => {
    const ctx = testCtx(database);
    const days = ['2024-12-30', '2025-01-01', '2025-01-05', '2025-01-31', '2025-02-01', '2025-03-15'];
    for (let i = 0; i < 18; i++) {
      const { record } = await createIncident({
        ctx,
        input: {
          occurredAt: `${days[i % days.length]}T${String(i % 24).padStart(2, '0')}:30:00Z`,
          province: i % 3 ? 'KP' : 'Balochistan',
          type: i % 2 ? 'clash' : 'ied_explosive',
          targetType: i % 4 ? 'police' : 'civilians',
          casualties: {
            killed: { civilians: { low: i, high: i % 3 ? null : i + 2 } },
            injured: { militants: { low: 1, high: i % 5 ? null : 4 } },
          },
        },
      });
      if (i % 4 === 0)
        await updateIncident({
          ctx,
          id: record.id,
          input: { version: 1, occurredAt: `${days[(i + 3) % days.length]}T12:00:00Z`, province: 'Sindh' },
        });
      if (i % 5 === 2) await retractIncident({ ctx, id: record.id, input: { reason: 'duplicate' } });
      const op = await createOperation({
        ctx,
        input: { occurredAt: days[(i * 2) % days.length]!, kind: 'clearance', count: i + 1 },
      });
      if (i % 3 === 0)
        await updateOperation({
          ctx,
          id: op.record.id,
          input: { version: 1, occurredAt: days[(i + 1) % days.length]! },
        });
    }
    await compare();
    await rebuildRollups(database.db, database.reportZone);
    await compare();
  });
});
