import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../core/demo/generate-demo';
import { seedDemo } from '../../../core/demo/seed-demo';
import { REFERENCE_GROUPS } from '../../../core/seed/reference-data';
import { createMemoryCtx, createMemoryStore } from '../support/memory-store';

const END = new Date('2026-01-01T06:00:00Z');

function setup() {
  const store = createMemoryStore();
  return { store, ctx: createMemoryCtx(store) };
}

describe('seedDemo', () => {
  it('seeds reference data, then writes the generated set in batches through the verbs', async () => {
    const { store, ctx } = setup();
    const result = await seedDemo({ ctx, seed: 7, end: END, years: 1, batchSize: 250 });
    const expected = generateDemo({ seed: 7, end: END, years: 1, groupIds: result.groupIds });

    expect(Object.keys(result.groupIds)).toHaveLength(REFERENCE_GROUPS.length);
    expect(result.incidents).toEqual({ created: expected.incidents.length, skipped: 0 });
    expect(result.operations).toEqual({ created: expected.operations.length, skipped: 0 });
    expect(store.state.incidents.size).toBe(expected.incidents.length);
    expect(store.state.operations.size).toBe(expected.operations.length);
    // One for the reference rows, then one per batch of each kind.
    const batches = Math.ceil(expected.incidents.length / 250) + Math.ceil(expected.operations.length / 250);
    expect(store.transactions).toBe(1 + batches);

    // The verbs resolved group names and fed the rollups.
    const incidents = [...store.state.incidents.values()];
    expect(incidents.every((i) => i.synthetic && (i.groupId === null) === (i.groupName === null))).toBe(true);
    const rolledUp = [...store.state.incidentRollup.values()].reduce((s, cell) => s + (cell.incidents ?? 0), 0);
    expect(rolledUp).toBe(expected.incidents.length);
  });

  it('is idempotent: a second run with the same inputs writes nothing', async () => {
    const { store, ctx } = setup();
    const first = await seedDemo({ ctx, seed: 7, end: END, years: 1 });
    const changes = store.state.changes.length;
    const second = await seedDemo({ ctx, seed: 7, end: END, years: 1 });
    expect(second.groupIds).toEqual(first.groupIds);
    expect(second.incidents).toEqual({ created: 0, skipped: first.incidents.created });
    expect(second.operations).toEqual({ created: 0, skipped: first.operations.created });
    expect(store.state.changes).toHaveLength(changes);
  });

  it('adds only the new days when run again with a later end', async () => {
    const { store, ctx } = setup();
    await seedDemo({ ctx, seed: 7, end: new Date('2025-12-01T00:00:00Z'), years: 1 });
    const before = store.state.incidents.size;
    const later = await seedDemo({ ctx, seed: 7, end: END, years: 1 });
    const full = generateDemo({ seed: 7, end: END, years: 1, groupIds: later.groupIds });
    const december = full.incidents.filter((i) => i.occurredAt >= '2025-12-01').length;
    expect(later.incidents.created).toBe(december);
    expect(store.state.incidents.size).toBe(before + december);
  });

  it('rejects a nonsensical batch size before writing anything', async () => {
    const { store, ctx } = setup();
    await expect(seedDemo({ ctx, seed: 1, end: END, years: 1, batchSize: 0 })).rejects.toThrow(RangeError);
    expect(store.transactions).toBe(0);
  });
});
