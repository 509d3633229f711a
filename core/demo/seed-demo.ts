/**
 * Loads the synthetic demo set through the ordinary verbs, so demo rows get the same validation,
 * change-log entries and rollup deltas as real ones. Writes go in batches (one transaction each):
 * one transaction per row would pay a commit per row, one for all would hold a lock and a huge
 * change set for seconds and lose everything on a single failure.
 *
 * Idempotent: every demo row has a deterministic externalId (generate-demo.ts), and a row whose
 * externalId is already stored is skipped, so re-running (also with a later `end`) adds only days
 * not seeded yet.
 */
import { createIncidents } from '../incident/create-incident';
import { createOperations } from '../operation/create-operation';
import type { Ctx, WriteTx } from '../ports';
import { seedReference, type ExistingReference, type GroupIds } from '../seed/seed-reference';
import { generateDemo } from './generate-demo';

export interface SeedDemoResult {
  groupIds: GroupIds;
  incidents: { created: number; skipped: number };
  operations: { created: number; skipped: number };
}

interface Row {
  externalId?: string | null;
}

async function writeBatches<T extends Row>(
  ctx: Ctx,
  rows: readonly T[],
  batchSize: number,
  existing: (tx: WriteTx, externalIds: string[]) => Promise<{ externalId: string | null }[]>,
  write: (tx: WriteTx, rows: T[]) => Promise<unknown>,
): Promise<{ created: number; skipped: number }> {
  let created = 0;
  let skipped = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const made = await ctx.store.transact(async (tx) => {
      const ids = batch.map((r) => r.externalId).filter((e): e is string => Boolean(e));
      const stored = new Set((await existing(tx, ids)).map((r) => r.externalId));
      const fresh = batch.filter((r) => !r.externalId || !stored.has(r.externalId));
      await write(tx, fresh);
      return fresh.length;
    });
    // Counted after commit: a retried or failed batch must not inflate the totals.
    created += made;
    skipped += batch.length - made;
  }
  return { created, skipped };
}

export async function seedDemo({
  ctx,
  seed,
  end,
  years = 3,
  batchSize = 500,
  existing,
  throughEnd = false,
}: {
  ctx: Ctx;
  seed: number | string;
  /** Exclusive, rounded down to its UTC day (see generate-demo.ts). */
  end: Date;
  years?: number;
  batchSize?: number;
  /** Passed to seedReference: the reference figures and annotations already stored, if known. */
  existing?: ExistingReference;
  /** Include the end's day up to the end instant (see generate-demo.ts). */
  throughEnd?: boolean;
}): Promise<SeedDemoResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive whole number');
  const groupIds = await seedReference({ ctx, existing });
  const { incidents, operations } = generateDemo({ seed, end, years, groupIds, throughEnd });
  const incidentCounts = await writeBatches(
    ctx,
    incidents,
    batchSize,
    (tx, ids) => tx.incidents.findByExternalIds(ids),
    (tx, inputs) => createIncidents({ ctx, inputs, tx }),
  );
  const operationCounts = await writeBatches(
    ctx,
    operations,
    batchSize,
    (tx, ids) => tx.operations.findByExternalIds(ids),
    (tx, inputs) => createOperations({ ctx, inputs, tx }),
  );
  return { groupIds, incidents: incidentCounts, operations: operationCounts };
}
