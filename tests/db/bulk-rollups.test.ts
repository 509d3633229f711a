/**
 * Creates add their rollup contributions summed per cell in SQL (db/rollups/from-rows.ts): a
 * staged batch, a group in one statement, a lone create. The same records written with deltas
 * computed in this process (the path edits and retractions take) and with the SQL contribution
 * must leave identical rollup tables, and a rebuild must find them unchanged: every measure,
 * every cube and narrow cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident, createIncidents } from '../../core/incident/create-incident';
import { createOperations } from '../../core/operation/create-operation';
import { createGroup } from '../../core/group/group-verbs';
import type { Ctx, Store } from '../../core/ports';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { STAGE_ABOVE } from '../../db/rollups/from-rows';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';
import { writeTx } from '../../db/store';

const TABLES = [
  'incident_rollup_daily ORDER BY 1, 2, 3, 4, 5, 6, 7, 8',
  'incident_rollup_narrow ORDER BY 1, 2, 3, 4',
  'operation_rollup_daily ORDER BY 1, 2, 3, 4, 5, 6',
  'operation_rollup_narrow ORDER BY 1, 2',
];

async function snapshot(database: TestDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const all = await rows(database.db, sql.raw(`SELECT * FROM ${t}`));
    // A cell that counts no record is the same as no cell.
    out[t] = all
      .filter((r) => Number(r.incidents ?? r.records) !== 0)
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
  }
  return out;
}

/** The store without the SQL contribution: deltas computed in this process, as before. */
function withoutSqlRollup(store: Store): Store {
  return {
    transact: (fn) =>
      store.transact((tx) =>
        fn({
          ...tx,
          incidents: { ...tx.incidents, insertManyRolledUp: undefined, insertCreated: undefined },
          operations: { ...tx.operations, insertManyRolledUp: undefined, insertCreated: undefined },
        }),
      ),
  };
}

const days = ['2008-06-01', '2024-12-30', '2025-01-01', '2025-01-05', '2025-01-31', '2025-02-01', '2025-03-15'];

async function writeAll(ctx: Ctx) {
  const { record: group } = await createGroup({
    ctx,
    input: { shortName: 'TG', fullName: 'Test Group' },
  });
  const incidents = Array.from({ length: 240 }, (_, i) => ({
    occurredAt:
      i % 3 === 0 ? days[i % days.length]! : `${days[i % days.length]}T${String(i % 24).padStart(2, '0')}:30:00Z`,
    timePrecision: i % 3 === 0 ? 'day' : 'exact',
    province: ['KP', 'Balochistan', 'Sindh', 'Punjab'][i % 4],
    type: ['clash', 'ied_explosive', 'suicide_bombing', 'targeted_killing'][i % 4],
    targetType: i % 4 ? 'police' : 'civilians',
    ...(i % 5 === 0 ? { groupId: group.id } : {}),
    ...(i % 7 === 0 ? { crossBorder: 'yes' } : {}),
    casualties: {
      killed: { civilians: { low: i % 6 ? i : null, high: i % 6 && i % 3 === 0 ? i + 2 : null } },
      injured: { militants: { low: i % 4 ? 1 : null, high: i % 4 && i % 5 === 0 ? 4 : null } },
    },
  }));
  const operations = Array.from({ length: 60 }, (_, i) => ({
    occurredAt: days[(i * 2) % days.length]!,
    kind: i % 2 ? 'clearance' : 'intelligence_based',
    count: i + 1,
    ...(i % 3 ? { militantsKilled: i } : {}),
    ...(i % 4 === 0 ? { groupId: group.id } : {}),
  }));
  // One batch staged (above STAGE_ABOVE rows), groups in one statement each, and lone creates.
  await ctx.store.transact((tx) => createIncidents({ ctx, inputs: incidents.slice(0, STAGE_ABOVE + 5), tx }));
  for (let i = STAGE_ABOVE + 5; i < incidents.length - 5; i += 10)
    await ctx.store.transact((tx) =>
      createIncidents({ ctx, inputs: incidents.slice(i, Math.min(i + 10, incidents.length - 5)), tx }),
    );
  for (const input of incidents.slice(-5)) await createIncident({ ctx, input });
  await ctx.store.transact((tx) => createOperations({ ctx, inputs: operations, tx }));
}

describe.each(drivers)('rollup contributions of batch creates on %s', (driver) => {
  let inSql: TestDatabase;
  let inProcess: TestDatabase;
  beforeAll(async () => {
    inSql = await openTestDatabase(driver);
    inProcess = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await inSql?.close();
    await inProcess?.close();
  });

  it('equal the deltas computed in this process, and a rebuild', async () => {
    await writeAll(testCtx(inSql));
    const base = testCtx(inProcess);
    await writeAll({ ...base, store: withoutSqlRollup(base.store) });
    const sqlCells = await snapshot(inSql);
    const processCells = await snapshot(inProcess);
    // Group ids differ between the two databases: compare the shape without them.
    const noGroupIds = (s: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(s).map(([t, r]) => [
          t,
          (r as string[]).map((x) => x.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'G')),
        ]),
      );
    expect(noGroupIds(sqlCells)).toEqual(noGroupIds(processCells));
    expect(sqlCells['incident_rollup_daily ORDER BY 1, 2, 3, 4, 5, 6, 7, 8']!.length).toBeGreaterThan(50);
    await rebuildRollups(inSql.db, inSql.reportZone);
    expect(await snapshot(inSql)).toEqual(sqlCells);
  });
  it('runs a create in one statement on its generic plan, and the rest of its transaction as before', async () => {
    const ctx = testCtx(inSql);
    const input = { occurredAt: '2024-05-01T10:00:00Z', province: 'KP', type: 'clash', targetType: 'police' };
    const { mode, created } = await inSql.db.transaction(async (tx) => {
      const results = await createIncidents({ ctx, inputs: [input, input], tx: writeTx(tx, inSql.reportZone) });
      return { created: results.length, mode: (await rows(tx, sql.raw('SHOW plan_cache_mode')))[0]?.plan_cache_mode };
    });
    expect(created).toBe(2);
    // PostgreSQL sessions plan each execution for its values (db/client.ts); PGlite keeps its default.
    expect(mode).toBe(driver === 'postgres' ? 'force_custom_plan' : 'auto');
  });
});
