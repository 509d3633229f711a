/**
 * DEMO_DATA: `auto` loads the synthetic demo set on the first start of an empty embedded database,
 * `on` loads (or tops up) it on any database, `off` never. Demo rows are marked synthetic.
 */
import { sql } from 'drizzle-orm';
import { seedDemo } from '../core/demo/seed-demo';
import type { Runtime } from './runtime';
import { createDemoAccounts } from './auth/demo-accounts';
import { resultRows } from '../db/result-rows';

export const DEMO_SEED = 1;
const SYSTEM = { id: null, label: 'system:demo', role: 'system' as const };

async function isEmpty(runtime: Runtime): Promise<boolean> {
  const r = (await runtime.database.db.execute(
    sql`select (select count(*) from incidents) + (select count(*) from groups) as n`,
  )) as unknown;
  const rows = resultRows<{ n: number }>(r);
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Returns true when demo data was loaded in this start. */
export async function loadDemoData(runtime: Runtime): Promise<boolean> {
  const mode = runtime.env.DEMO_DATA;
  if (mode === 'off') return false;
  if (mode === 'auto' && (runtime.database.kind !== 'pglite' || !(await isEmpty(runtime)))) return false;
  const started = Date.now();
  runtime.log.info('loading the synthetic demo data set (first start)…');
  const result = await seedDemo({
    ctx: runtime.ctx(SYSTEM),
    seed: DEMO_SEED,
    end: new Date(),
    years: 3,
    throughEnd: true,
  });
  runtime.log.info(
    { incidents: result.incidents.created, operations: result.operations.created, ms: Date.now() - started },
    'demo data loaded (marked synthetic)',
  );
  // One account per role, listed in the README; never created outside demo mode.
  await createDemoAccounts(runtime);
  return true;
}
