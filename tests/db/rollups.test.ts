/**
 * After any sequence of creates, updates and retracts, the rollups equal the same aggregates
 * computed from the raw rows (property-based, fast-check).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { createOperation } from '../../core/operation/create-operation';
import { updateOperation } from '../../core/operation/update-operation';
import { retractOperation } from '../../core/operation/retract-operation';
import { CASUALTY_CATEGORIES } from '../../core/enums';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const figure = fc.record({
  low: fc.integer({ min: 0, max: 20 }),
  high: fc.option(fc.integer({ min: 20, max: 40 }), { nil: null }),
});
const casualties = fc.record({
  killed: fc.record(Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, figure]))),
  injured: fc.record(Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, figure]))),
});
const incidentFields = fc.record({
  occurredAt: fc.constantFrom('2025-01-01T03:00:00Z', '2025-01-01T22:00:00Z', '2025-01-02T12:00:00Z'),
  province: fc.constantFrom('KP', 'Balochistan'),
  type: fc.constantFrom('ied_explosive', 'clash'),
  targetType: fc.constantFrom('police', 'civilians'),
  verification: fc.constantFrom('reported', 'confirmed'),
  crossBorder: fc.constantFrom('yes', 'no', 'unknown'),
  foreignNationals: fc.constantFrom('yes', 'no', 'unknown'),
  casualties,
});
const operationFields = fc.record({
  occurredAt: fc.constantFrom('2025-01-01', '2025-01-02'),
  province: fc.constantFrom('KP', null),
  kind: fc.constantFrom('intelligence_based', 'clearance'),
  count: fc.integer({ min: 1, max: 50 }),
  militantsKilled: fc.integer({ min: 0, max: 10 }),
  militantsArrested: fc.integer({ min: 0, max: 10 }),
});
const step = fc.oneof(
  fc.record({ op: fc.constant('createIncident' as const), fields: incidentFields }),
  fc.record({ op: fc.constant('updateIncident' as const), pick: fc.nat(), fields: incidentFields }),
  fc.record({ op: fc.constant('retractIncident' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('createOperation' as const), fields: operationFields }),
  fc.record({ op: fc.constant('updateOperation' as const), pick: fc.nat(), fields: operationFields }),
  fc.record({ op: fc.constant('retractOperation' as const), pick: fc.nat() }),
);

const measures = [
  'incidents',
  ...CASUALTY_CATEGORIES.flatMap((c) => [
    `killed_low_${c}`,
    `killed_high_${c}`,
    `injured_low_${c}`,
    `injured_high_${c}`,
  ]),
  'cross_border_yes',
  'foreign_no',
];
const rawIncidents = sql.raw(`
  SELECT (occurred_at AT TIME ZONE 'Asia/Karachi')::date::text AS day, province, type, target_type, verification, count(*)::int AS incidents,
    ${CASUALTY_CATEGORIES.map(
      (
        c,
      ) => `sum(killed_${c}_low)::int AS killed_low_${c}, sum(coalesce(killed_${c}_high, killed_${c}_low))::int AS killed_high_${c},
    sum(injured_${c}_low)::int AS injured_low_${c}, sum(coalesce(injured_${c}_high, injured_${c}_low))::int AS injured_high_${c}`,
    ).join(',\n')},
    count(*) FILTER (WHERE cross_border = 'yes')::int AS cross_border_yes, count(*) FILTER (WHERE foreign_nationals = 'no')::int AS foreign_no
  FROM incidents WHERE retracted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
const rolledIncidents = sql.raw(`
  SELECT day::text AS day, province, type, target_type, verification, ${measures.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
  FROM incident_rollup_daily GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0 ORDER BY 1, 2, 3, 4, 5`);
const rawOperations = sql.raw(`
  SELECT (occurred_at AT TIME ZONE 'Asia/Karachi')::date::text AS day, coalesce(province, '') AS province, kind, count(*)::int AS records, sum(count)::int AS operations,
    sum(militants_killed)::int AS militants_killed, sum(militants_arrested)::int AS militants_arrested
  FROM operations WHERE retracted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
const rolledOperations = sql.raw(`
  SELECT day::text AS day, province, kind, sum(records)::int AS records, sum(operations)::int AS operations,
    sum(militants_killed)::int AS militants_killed, sum(militants_arrested)::int AS militants_arrested
  FROM operation_rollup_daily GROUP BY 1, 2, 3 HAVING sum(records) <> 0 ORDER BY 1, 2, 3`);

describe.each(drivers)('rollups on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('equal the raw aggregates after random sequences of writes', async () => {
    const ctx = testCtx(database);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        await database.db.execute(
          sql`TRUNCATE incidents, operations, changes, incident_rollup_daily, operation_rollup_daily`,
        );
        const incidents: { id: string; version: number; live: boolean }[] = [];
        const operations: { id: string; version: number; live: boolean }[] = [];
        for (const s of steps) {
          const pool = s.op.endsWith('Incident') ? incidents : operations;
          const live = pool.filter((r) => r.live);
          const target = 'pick' in s && live.length > 0 ? live[s.pick % live.length]! : null;
          if (s.op === 'createIncident') {
            const { record } = await createIncident({ ctx, input: s.fields });
            incidents.push({ id: record.id, version: 1, live: true });
          } else if (s.op === 'createOperation') {
            const { record } = await createOperation({ ctx, input: s.fields });
            operations.push({ id: record.id, version: 1, live: true });
          } else if (target && (s.op === 'updateIncident' || s.op === 'updateOperation')) {
            const verb = s.op === 'updateIncident' ? updateIncident : updateOperation;
            const { record } = await verb({ ctx, id: target.id, input: { ...s.fields, version: target.version } });
            target.version = record.version;
          } else if (target && (s.op === 'retractIncident' || s.op === 'retractOperation')) {
            const verb = s.op === 'retractIncident' ? retractIncident : retractOperation;
            await verb({ ctx, id: target.id, input: { reason: 'random retraction' } });
            target.live = false;
          }
        }
        expect(await rows(database.db, rolledIncidents)).toEqual(await rows(database.db, rawIncidents));
        expect(await rows(database.db, rolledOperations)).toEqual(await rows(database.db, rawOperations));
      }),
      { numRuns: driver === 'pglite' ? 25 : 40 },
    );
  }, 120_000);
});
