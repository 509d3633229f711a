/**
 * The reference data (groups with their aliases, published figures, timeline annotations) on every
 * database: run at every start of the app and by every command that opens the database
 * (`npm run db:migrate`, the importer). Idempotent and additive: only rows that are missing are
 * created (groups by short name, figures by metric, annotations by title), so an admin's edits and
 * retractions stand.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { seedReference, type GroupIds } from '../core/seed/seed-reference';
import type { Database } from './client';
import { resultRows } from './result-rows';
import { createStore } from './store';

const SEED_ACTOR = { id: null, label: 'system:seed', role: 'system' as const };

export async function ensureReferenceData(database: Database): Promise<GroupIds> {
  const values = async (q: ReturnType<typeof sql>) => {
    return resultRows<{ v: string }>(await database.db.execute(q)).map((x) => x.v);
  };
  const existing = {
    figureMetrics: await values(sql`select metric as v from reference_figures`),
    annotationTitles: await values(sql`select title as v from annotations`),
  };
  const ctx = { store: createStore(database), actor: SEED_ACTOR, now: () => new Date(), newId: randomUUID };
  return seedReference({ ctx, existing });
}
