/**
 * Rollups in the reporting zone, both drivers: the database's zone rules agree with the runtime's
 * (Asia/Karachi's 2008 daylight saving time included); for random records in random zones the
 * rollups the verbs keep, and a rebuild, equal a raw GROUP BY of the local day (and its ISO week
 * and month); a database built in one zone refuses another until it is rebuilt for it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { createOperation } from '../../core/operation/create-operation';
import { localDay } from '../../core/time/report-zone';
import type { Ctx } from '../../core/ports';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { checkRollupZone, readRollupZone } from '../../db/rollups/zone';
import { createStore } from '../../db/store';
import { rows } from '../support/rows';
import { drivers, openTestDatabase, testActor, type TestDatabase } from '../support/test-database';

const ZONES = ['Asia/Karachi', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
// Around Karachi's 2008–2009 summer time and London's and New York's clock changes.
const START = Date.parse('2008-05-25T00:00:00Z');
const instant = fc
  .oneof(
    fc.integer({ min: START, max: START + 30 * 86_400_000 }),
    fc.integer({ min: Date.parse('2008-10-25T00:00:00Z'), max: Date.parse('2008-11-10T00:00:00Z') }),
    fc.integer({ min: Date.parse('2026-10-20T00:00:00Z'), max: Date.parse('2026-11-10T00:00:00Z') }),
  )
  .map((ms) => new Date(ms).toISOString());
const record = fc.record({
  occurredAt: instant,
  timePrecision: fc.constantFrom('exact', 'exact', 'day', 'week', 'month'),
  bareDate: fc.boolean(),
  province: fc.constantFrom('KP', 'Balochistan'),
  retract: fc.boolean(),
});

const ctxIn = (database: TestDatabase, zone: string): Ctx => ({
  store: createStore({ ...database, reportZone: zone }),
  actor: testActor,
  now: () => new Date(),
  newId: () => randomUUID(),
});

/** Per local day, ISO week and month: the verbs' rollups and the raw rows, side by side. */
async function compare(database: TestDatabase, zone: string) {
  const z = sql.raw(`'${zone}'`);
  const db = database.db;
  const raw = (grain: string, table: 'incidents' | 'operations') =>
    rows(
      db,
      sql`SELECT to_char(date_trunc(${sql.raw(`'${grain}'`)}, (occurred_at AT TIME ZONE ${z})::date::timestamp), 'YYYY-MM-DD') AS start, count(*)::int AS n
        FROM ${sql.raw(table)} WHERE retracted_at IS NULL GROUP BY 1 ORDER BY 1`,
    );
  const narrow = (grain: string) =>
    rows(
      db,
      sql`SELECT to_char(start, 'YYYY-MM-DD') AS start, incidents::int AS n FROM incident_rollup_narrow
        WHERE dim = 'all' AND grain = ${grain} AND incidents <> 0 ORDER BY 1`,
    );
  const daily = await rows(
    db,
    sql`SELECT to_char(day, 'YYYY-MM-DD') AS start, sum(incidents)::int AS n FROM incident_rollup_daily GROUP BY 1 HAVING sum(incidents) <> 0 ORDER BY 1`,
  );
  const opsDaily = await rows(
    db,
    sql`SELECT to_char(day, 'YYYY-MM-DD') AS start, sum(records)::int AS n FROM operation_rollup_daily GROUP BY 1 HAVING sum(records) <> 0 ORDER BY 1`,
  );
  expect(daily).toEqual(await raw('day', 'incidents'));
  expect(opsDaily).toEqual(await raw('day', 'operations'));
  for (const grain of ['day', 'week', 'month']) expect(await narrow(grain)).toEqual(await raw(grain, 'incidents'));
}

describe.each(drivers)('rollups in the reporting zone on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });
  const reset = () =>
    database.db.execute(
      sql`TRUNCATE incidents, operations, changes, incident_rollup_daily, operation_rollup_daily, incident_rollup_narrow, operation_rollup_narrow`,
    );

  it("has the zones' historical rules, as the runtime does", async () => {
    const cases = [
      ['2008-07-01T18:30:00Z', 'Asia/Karachi'],
      ['2008-05-31T18:30:00Z', 'Asia/Karachi'],
      ['2008-10-31T18:30:00Z', 'Asia/Karachi'],
      ['2009-04-15T18:30:00Z', 'Asia/Karachi'],
      ['2026-10-24T23:30:00Z', 'Europe/London'],
      ['2026-03-29T00:30:00Z', 'Europe/London'],
    ];
    for (const [at, zone] of cases) {
      const [r] = await rows<{ d: string }>(
        database.db,
        sql`SELECT ((${at}::timestamptz) AT TIME ZONE ${zone})::date::text AS d`,
      );
      expect([at, zone, r!.d]).toEqual([at, zone, localDay(at!, zone!)]);
    }
  });

  it('for random records in random zones, the rollups equal a raw GROUP BY of the local day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.array(record, { minLength: 1, maxLength: 12 }),
        async (zone, records) => {
          await reset();
          await checkRollupZone(database.db, zone); // an empty database takes the zone
          const ctx = ctxIn(database, zone);
          for (const r of records) {
            const occurredAt = r.bareDate ? localDay(r.occurredAt, zone) : r.occurredAt;
            const input = { occurredAt, timePrecision: r.timePrecision, province: r.province };
            const { record: i } = await createIncident({
              ctx,
              input: { ...input, type: 'clash', targetType: 'police', sources: [{ name: 'test' }] },
            });
            if (r.retract) await retractIncident({ ctx, id: i.id, input: { reason: 'random retraction' } });
            await createOperation({ ctx, input: { ...input, kind: 'clearance' } });
          }
          await compare(database, zone);
          await rebuildRollups(database.db, zone);
          await compare(database, zone);
        },
      ),
      { numRuns: driver === 'pglite' ? 12 : 20 },
    );
  }, 180_000);

  it('refuses another zone until rebuilt for it, keeping day-precision records on their dates', async () => {
    await reset();
    await checkRollupZone(database.db, 'Asia/Karachi');
    const ctx = ctxIn(database, 'Asia/Karachi');
    const base = {
      province: 'KP' as const,
      type: 'clash' as const,
      targetType: 'police' as const,
      sources: [{ name: 't' }],
    };
    await createIncident({ ctx, input: { ...base, occurredAt: '2026-11-20', timePrecision: 'day' } });
    await createIncident({ ctx, input: { ...base, occurredAt: '2026-11-20T19:30:00Z', timePrecision: 'exact' } });
    await expect(checkRollupZone(database.db, 'Europe/London')).rejects.toThrow(
      /REPORT_TIMEZONE=Asia\/Karachi.*REPORT_TIMEZONE is Europe\/London.*npm run db:rollups:rebuild/,
    );
    const result = await rebuildRollups(database.db, 'Europe/London');
    expect(result.previousZone).toBe('Asia/Karachi');
    expect(await readRollupZone(database.db)).toBe('Europe/London');
    await checkRollupZone(database.db, 'Europe/London');
    const stored = await rows<{ at: string; p: string }>(
      database.db,
      sql`SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at, time_precision AS p FROM incidents ORDER BY time_precision`,
    );
    // The day record moves to London's midnight of 20 November; the exact one keeps its instant.
    expect(stored).toEqual([
      { at: '2026-11-20T00:00', p: 'day' },
      { at: '2026-11-20T19:30', p: 'exact' },
    ]);
    await compare(database, 'Europe/London');
  });
});
