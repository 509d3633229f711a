// `npm run db:seed` loads the reference data (groups, published figures, timeline annotations);
// `npm run db:seed -- --demo` also loads the synthetic demo set (marked synthetic). Both are
// idempotent: rows already present are kept.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../core/demo/seed-demo';
import { seedReference } from '../core/seed/seed-reference';
import { createStore } from '../db/store';
import { DEMO_SEED } from '../server/demo-startup';
import { openFromEnv, runTask } from './open-from-env';
import { resultRows } from '../db/result-rows';

const { values } = parseArgs({
  options: { demo: { type: 'boolean', default: false }, years: { type: 'string', default: '3' } },
});

await runTask('db:seed', async () => {
  const { database } = await openFromEnv();
  const ctx = {
    store: createStore(database),
    actor: { id: null, label: 'system:seed', role: 'system' as const },
    now: () => new Date(),
    newId: randomUUID,
    reportZone: database.reportZone,
  };
  const existingRows = async (q: ReturnType<typeof sql>) => {
    const r = (await database.db.execute(q)) as unknown;
    return resultRows<{ v: string }>(r).map((x) => x.v);
  };
  const existing = {
    figureMetrics: await existingRows(sql`select metric as v from reference_figures`),
    annotationTitles: await existingRows(sql`select title as v from annotations`),
  };
  try {
    if (values.demo) {
      const years = Number(values.years);
      if (!Number.isInteger(years) || years < 1 || years > 20)
        throw new Error('--years must be a whole number from 1 to 20');
      const r = await seedDemo({ ctx, seed: DEMO_SEED, end: new Date(), years, existing });
      console.log(
        `Demo data: ${r.incidents.created} incidents and ${r.operations.created} operation records added (${r.incidents.skipped + r.operations.skipped} already present).`,
      );
    } else {
      const ids = await seedReference({ ctx, existing });
      console.log(
        `Reference data present: ${Object.keys(ids).length} groups, published figures and timeline annotations.`,
      );
    }
  } finally {
    await database.close();
  }
});
