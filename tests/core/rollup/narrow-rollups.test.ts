import { describe, expect, it } from 'vitest';
import { zeroIncidentMeasures, type IncidentRollupKey } from '../../../core/rollup/incident-rollup';
import {
  grainStart,
  narrowIncidentDeltas,
  NARROW_DIMS,
  NARROW_GRAINS,
  nextGrainStart,
  splitByGrain,
} from '../../../core/rollup/narrow-rollups';

const key = (day: string, province: IncidentRollupKey['province'] = 'KP'): IncidentRollupKey => ({
  day,
  country: 'Pakistan',
  province,
  groupKey: '',
  category: 'attack',
  type: 'clash',
  targetType: 'police',
  verification: 'reported',
});
const m = (incidents: number) => ({ ...zeroIncidentMeasures(), incidents });

describe('grains', () => {
  it('starts ISO weeks on Monday and months on the 1st, in UTC', () => {
    expect(grainStart('2025-01-01', 'week')).toBe('2024-12-30');
    expect(grainStart('2025-01-05', 'week')).toBe('2024-12-30');
    expect(grainStart('2025-01-06', 'week')).toBe('2025-01-06');
    expect(grainStart('2024-02-29', 'month')).toBe('2024-02-01');
    expect(nextGrainStart('2024-12-30', 'week')).toBe('2025-01-06');
    expect(nextGrainStart('2025-01-01', 'month')).toBe('2025-02-01');
  });

  it('splits a range into whole units and the days left at each end, covering every day once', () => {
    const days = (from: string, to: string) => {
      const out: string[] = [];
      for (let d = from; d < to; d = nextGrainStart(d, 'day')) out.push(d);
      return out;
    };
    for (const [from, to] of [
      ['2025-01-15', '2025-04-10'],
      ['2025-01-01', '2025-03-01'],
      ['2025-01-15', '2025-01-20'],
      ['2025-01-31', '2025-02-01'],
    ] as const) {
      for (const grain of ['week', 'month'] as const) {
        const split = splitByGrain({ fromDay: from, toDay: to }, grain);
        const covered: string[] = [];
        if (split.coarse)
          for (let u = split.coarse.from!; u < split.coarse.to; u = nextGrainStart(u, grain))
            covered.push(...days(u, nextGrainStart(u, grain)));
        for (const d of split.days) covered.push(...days(d.from!, d.to));
        expect(covered.sort()).toEqual(days(from, to));
      }
    }
    expect(splitByGrain({ fromDay: null, toDay: '2025-03-10' }, 'month')).toEqual({
      coarse: { grain: 'month', from: null, to: '2025-03-01' },
      days: [{ from: '2025-03-01', to: '2025-03-10' }],
    });
  });
});

describe('narrowIncidentDeltas', () => {
  it('projects each cube delta onto every kept dimension and grain, merging cells', () => {
    const out = narrowIncidentDeltas([
      { key: key('2025-01-01'), measures: m(1) },
      { key: key('2025-01-02', 'Sindh'), measures: m(2) },
    ]);
    const perDelta = NARROW_DIMS.reduce((n, d) => n + NARROW_GRAINS[d].length, 0);
    // Same week and month for both days: `all` and `type` merge there, provinces stay apart.
    const find = (dim: string, grain: string, start: string, k: string) =>
      out.find((d) => d.key.dim === dim && d.key.grain === grain && d.key.start === start && d.key.key === k)?.measures
        .incidents;
    expect(find('all', 'month', '2025-01-01', '')).toBe(3);
    expect(find('all', 'week', '2024-12-30', '')).toBe(3);
    expect(find('province', 'month', '2025-01-01', 'Sindh')).toBe(2);
    expect(find('type', 'day', '2025-01-02', 'clash')).toBe(2);
    expect(out.length).toBeLessThan(2 * perDelta);
  });

  it('drops projections that cancel out (a move within the same month)', () => {
    const out = narrowIncidentDeltas([
      { key: key('2025-01-01'), measures: m(-1) },
      { key: key('2025-01-02'), measures: m(1) },
    ]);
    expect(out.some((d) => d.key.grain === 'month')).toBe(false);
    expect(out.filter((d) => d.key.grain === 'day').length).toBe(2 * NARROW_DIMS.length);
  });
});
