/**
 * Published figures compared only with like, and the seeded figures migrated to the report's own
 * periods. "Recorded here" beside the 75,000 intelligence-based operations sums intelligence-based
 * operations only, over the figure's period, once it has ended; undated figures are never compared.
 * Migration 0009 rewrites seeded rows still equal to the old seed, and leaves an admin's edit alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOperation } from '../../core/operation/create-operation';
import { createReferenceFigure, updateReferenceFigure } from '../../core/reference-figure/reference-figure-verbs';
import { CreateReferenceFigureInput } from '../../core/reference-figure/schema';
import { REFERENCE_FIGURES } from '../../core/seed/reference-data';
import { createDashboardReads } from '../../db/queries/dashboard';
import { listReferenceFigures } from '../../db/queries/reference';
import { drivers, testCtx, useTestDatabase, type TestDatabase } from '../support/test-database';

const byMetric = (m: string) => REFERENCE_FIGURES.find((f) => f.metric.startsWith(m))!;
const IBO = byMetric('Intelligence-based operations');
const KILLED_IN_IBO = byMetric('Terrorists killed');
const TTP = byMetric('TTP fighters');
const COST = byMetric('Economic cost');

/** What the old seed held for each figure that 0009 corrects (the rest equals the new seed). */
const OLD_SEED: Record<string, Record<string, unknown>> = {
  [IBO.metric]: { comparableTo: 'operations' },
  [KILLED_IN_IBO.metric]: { comparableTo: 'militantsKilledInOperations' },
  [TTP.metric]: { periodLabel: 'as of early 2026' },
  [byMetric('Share of attacks').metric]: { periodLabel: 'recent years (reported early 2026)' },
  [byMetric('International and regional').metric]: { periodLabel: 'December 2025' },
  [byMetric('Victims of terrorism').metric]: {
    periodStart: '2001-01-01',
    periodEnd: '2025-12-31',
    periodLabel: '2001 to 2025',
  },
  [COST.metric]: { periodStart: '2001-01-01', periodEnd: '2025-12-31', periodLabel: '2001 to 2025' },
};
const oldSeed = () =>
  REFERENCE_FIGURES.map((f) => ({ ...f, valueText: null, reportedOn: null, ...OLD_SEED[f.metric] }));

const statements = readFileSync(path.resolve('db/migrations/0012_reseed_reference_periods.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

describe.each(drivers)('published figures on %s', (driver) => {
  let database!: TestDatabase;
  useTestDatabase(
    driver,
    ['reference_figures', 'operations', 'operation_rollup_daily', 'operation_rollup_narrow'],
    (d) => (database = d),
  );

  it('compares the 75,000 and the 2,597 with intelligence-based operations of 2025 only', async () => {
    const ctx = testCtx(database);
    for (const input of [IBO, KILLED_IN_IBO, TTP]) await createReferenceFigure({ ctx, input });
    const op = (occurredAt: string, kind: string, count: number, militantsKilled: number | null) =>
      createOperation({ ctx, input: { occurredAt, kind, count, militantsKilled } });
    await op('2025-03-01T10:00:00Z', 'intelligence_based', 40, 12);
    await op('2025-11-30T10:00:00Z', 'intelligence_based', 2, null);
    await op('2025-06-01T10:00:00Z', 'clearance', 500, 90); // another kind: not counted
    await op('2026-01-05T10:00:00Z', 'intelligence_based', 7, 3); // another period: not counted
    const reads = createDashboardReads(database.db, 'Asia/Karachi');
    const compared = await reads.referenceComparisons(new Date('2026-12-01T00:00:00Z'));
    const of = (metric: string) => compared.find((c) => c.figure.metric === metric)!.recorded;
    expect(of(IBO.metric)).toMatchObject({ measure: 'intelligenceBasedOperations', value: 42, records: 2, missing: 0 });
    expect(of(KILLED_IN_IBO.metric)).toMatchObject({ value: 12, records: 2, missing: 1 });
    expect(of(IBO.metric)!.period).toEqual({ from: '2024-12-31T19:00:00.000Z', to: '2025-12-31T19:00:00.000Z' });
    // Undated: never compared.
    expect(of(TTP.metric)).toBeNull();
    // While 2025 is still running, the period is not the same yet: not shown.
    const early = await reads.referenceComparisons(new Date('2025-12-20T00:00:00Z'));
    expect(early.every((c) => c.recorded === null)).toBe(true);
    // Kept per log position and day: a write moves the position, and the comparison follows it.
    const again = () => reads.referenceComparisons(new Date('2026-12-01T00:00:00Z'));
    expect(await again()).toBe(await again());
    await op('2025-08-01T10:00:00Z', 'intelligence_based', 5, 1);
    const moved = (await again()).find((c) => c.figure.metric === IBO.metric)!.recorded;
    expect(moved).toMatchObject({ value: 47, records: 3 });
  });

  it('shows nothing where nothing of that kind was recorded in the period', async () => {
    const ctx = testCtx(database);
    await createReferenceFigure({ ctx, input: IBO });
    await createOperation({ ctx, input: { occurredAt: '2025-05-01T00:00:00Z', kind: 'clearance', count: 3 } });
    const [c] = await createDashboardReads(database.db, 'Asia/Karachi').referenceComparisons(
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(c!.recorded).toBeNull();
  });

  it('migrates the seeded rows to the report’s own periods, never an edited row', async () => {
    const ctx = testCtx(database);
    for (const input of oldSeed()) await createReferenceFigure({ ctx, input });
    const all = await listReferenceFigures(database.db);
    // An admin corrected the cost figure's label: 0009 must leave it as the admin left it.
    const cost = all.find((f) => f.metric === COST.metric)!;
    await updateReferenceFigure({ ctx, id: cost.id, input: { version: 1, periodLabel: 'edited by an admin' } });
    for (const s of statements) await database.db.execute(sql.raw(s));
    const after = await listReferenceFigures(database.db);
    for (const seed of REFERENCE_FIGURES.filter((f) => f.metric !== COST.metric)) {
      const row = after.find((f) => f.metric === seed.metric)!;
      expect(row, seed.metric).toMatchObject(CreateReferenceFigureInput.parse(seed));
    }
    expect(after.find((f) => f.metric === COST.metric)).toMatchObject({
      periodLabel: 'edited by an admin',
      periodStart: '2001-01-01',
      valueText: null,
      version: 2,
    });
    expect(after).toHaveLength(REFERENCE_FIGURES.length);
  });
});
