import { describe, expect, it } from 'vitest';
import { createGroup, retractGroup } from '../../../core/group/group-verbs';
import { REFERENCE_ANNOTATIONS, REFERENCE_FIGURES, REFERENCE_GROUPS } from '../../../core/seed/reference-data';
import { seedReference } from '../../../core/seed/seed-reference';
import { createMemoryCtx, createMemoryStore } from '../support/memory-store';

function setup() {
  const store = createMemoryStore();
  return { store, ctx: createMemoryCtx(store) };
}

describe('seedReference', () => {
  it('writes every group, figure and annotation in one transaction on a fresh store', async () => {
    const { store, ctx } = setup();
    const ids = await seedReference({ ctx });
    expect(store.transactions).toBe(1);
    expect(store.state.groups.size).toBe(REFERENCE_GROUPS.length);
    expect(store.state.referenceFigures.size).toBe(REFERENCE_FIGURES.length);
    expect(store.state.annotations.size).toBe(REFERENCE_ANNOTATIONS.length);
    expect(Object.keys(ids).sort()).toEqual(REFERENCE_GROUPS.map((g) => g.shortName).sort());
    expect(store.state.groups.get(ids.TTP!)?.shortName).toBe('TTP');
    // Every write went through a verb, so each has its change-log entry.
    expect(store.state.changes).toHaveLength(
      REFERENCE_GROUPS.length + REFERENCE_FIGURES.length + REFERENCE_ANNOTATIONS.length,
    );
  });

  it('creates nothing on a second run and returns the same ids', async () => {
    const { store, ctx } = setup();
    const first = await seedReference({ ctx });
    const changes = store.state.changes.length;
    const second = await seedReference({ ctx });
    expect(second).toEqual(first);
    expect(store.state.changes).toHaveLength(changes);
  });

  it('with a list of what exists, creates only the missing figures and annotations', async () => {
    const { store, ctx } = setup();
    await seedReference({ ctx });
    const existing = {
      figureMetrics: REFERENCE_FIGURES.slice(1).map((f) => f.metric.toUpperCase()),
      annotationTitles: REFERENCE_ANNOTATIONS.slice(0, -1).map((a) => a.title),
    };
    await seedReference({ ctx, existing });
    const metrics = [...store.state.referenceFigures.values()].map((f) => f.metric);
    const titles = [...store.state.annotations.values()].map((a) => a.title);
    expect(metrics.filter((m) => m === REFERENCE_FIGURES[0]!.metric)).toHaveLength(2);
    expect(metrics).toHaveLength(REFERENCE_FIGURES.length + 1);
    expect(titles).toHaveLength(REFERENCE_ANNOTATIONS.length + 1);
    expect(store.state.groups.size).toBe(REFERENCE_GROUPS.length);
  });

  it('without that list, leaves figures alone once any seed group exists (never duplicates)', async () => {
    const { store, ctx } = setup();
    const { record: ttp } = await createGroup({ ctx, input: { shortName: 'ttp', fullName: 'Entered by an admin' } });
    const ids = await seedReference({ ctx });
    expect(ids.TTP).toBe(ttp.id);
    expect(store.state.groups.size).toBe(REFERENCE_GROUPS.length);
    expect(store.state.referenceFigures.size).toBe(0);
    expect(store.state.annotations.size).toBe(0);
  });

  it('leaves a retracted seed group out of the map instead of recreating it', async () => {
    const { store, ctx } = setup();
    const ids = await seedReference({ ctx });
    await retractGroup({ ctx, id: ids.IMU!, input: { reason: 'merged into another record' } });
    const again = await seedReference({ ctx });
    expect(again.IMU).toBeUndefined();
    expect(again.TTP).toBe(ids.TTP);
    expect(store.state.groups.size).toBe(REFERENCE_GROUPS.length);
  });

  it('joins a transaction the caller already holds', async () => {
    const { store, ctx } = setup();
    await store.transact((tx) => seedReference({ ctx, tx }));
    expect(store.transactions).toBe(1);
    expect(store.state.groups.size).toBe(REFERENCE_GROUPS.length);
  });

  it('rolls back everything when the transaction fails', async () => {
    const { store, ctx } = setup();
    await expect(
      store.transact(async (tx) => {
        await seedReference({ ctx, tx });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.state.groups.size).toBe(0);
    expect(store.state.changes).toHaveLength(0);
  });
});
