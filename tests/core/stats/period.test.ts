import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseBucket, DAY_MS, presetPeriod, previousPeriod, splitPeriod } from '../../../core/stats/period';
import { bucketKey, bucketStartMs, countBuckets, enumerateBuckets } from '../../../core/stats/buckets';

const now = new Date('2025-03-10T15:30:00.000Z');

describe('periods', () => {
  it.each([
    ['6h', '2025-03-10T09:30:00.000Z'],
    ['24h', '2025-03-09T15:30:00.000Z'],
    ['7d', '2025-03-03T15:30:00.000Z'],
    ['1y', '2024-03-10T15:30:00.000Z'],
  ] as const)('preset %s ends now and starts at %s', (preset, from) => {
    expect(presetPeriod(preset, now)).toEqual({ from, to: now.toISOString() });
  });

  it('"all" has no start and no previous period', () => {
    const p = presetPeriod('all', now);
    expect(p.from).toBeNull();
    expect(previousPeriod(p)).toBeNull();
  });

  it('the previous period has equal length and ends where the period starts', () => {
    expect(previousPeriod({ from: '2025-03-10T09:30:00.000Z', to: '2025-03-10T15:30:00.000Z' })).toEqual({
      from: '2025-03-10T03:30:00.000Z',
      to: '2025-03-10T09:30:00.000Z',
    });
  });
});

describe('splitPeriod: whole days from rollups, edges from the incidents table', () => {
  it.each([
    {
      name: 'aligned to days: rollups only',
      p: { from: '2025-03-01T00:00:00.000Z', to: '2025-03-08T00:00:00.000Z' },
      days: { fromDay: '2025-03-01', toDay: '2025-03-08' },
      edges: [],
    },
    {
      name: '6 h inside one day: one edge, no rollup',
      p: { from: '2025-03-10T09:30:00.000Z', to: '2025-03-10T15:30:00.000Z' },
      days: null,
      edges: [{ from: '2025-03-10T09:30:00.000Z', to: '2025-03-10T15:30:00.000Z' }],
    },
    {
      name: '6 h across midnight: one edge',
      p: { from: '2025-03-09T22:00:00.000Z', to: '2025-03-10T04:00:00.000Z' },
      days: null,
      edges: [{ from: '2025-03-09T22:00:00.000Z', to: '2025-03-10T04:00:00.000Z' }],
    },
    {
      name: '7 d rolling: both edges and the days between',
      p: { from: '2025-03-03T15:30:00.000Z', to: '2025-03-10T15:30:00.000Z' },
      days: { fromDay: '2025-03-04', toDay: '2025-03-10' },
      edges: [
        { from: '2025-03-03T15:30:00.000Z', to: '2025-03-04T00:00:00.000Z' },
        { from: '2025-03-10T00:00:00.000Z', to: '2025-03-10T15:30:00.000Z' },
      ],
    },
    {
      name: 'all time: every day up to today, today from the table',
      p: { from: null, to: '2025-03-10T15:30:00.000Z' },
      days: { fromDay: null, toDay: '2025-03-10' },
      edges: [{ from: '2025-03-10T00:00:00.000Z', to: '2025-03-10T15:30:00.000Z' }],
    },
  ])('$name', ({ p, days, edges }) => {
    expect(splitPeriod(p, 'UTC')).toEqual({ days, edges });
  });

  it('covers every instant of the period exactly once', () => {
    const t0 = Date.parse('2024-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 1, max: 40 * 24 * 60 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, len, probe) => {
          const from = t0 + a * 60_000;
          const to = from + len * 60_000;
          const at = from + Math.floor(((to - from) * probe) / 1001);
          const s = splitPeriod({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }, 'UTC');
          const inDays =
            s.days !== null &&
            at >= Date.parse(`${s.days.fromDay}T00:00:00Z`) &&
            at < Date.parse(`${s.days.toDay}T00:00:00Z`);
          const inEdges = s.edges.filter((e) => at >= Date.parse(e.from) && at < Date.parse(e.to)).length;
          expect(Number(inDays) + inEdges).toBe(1);
        },
      ),
    );
  });
});

describe('buckets', () => {
  it('ISO weeks start on Monday', () => {
    // 2025-01-01 is a Wednesday; 2025-03-09 a Sunday.
    expect(bucketKey('2025-01-01', 'week', 'UTC')).toBe('2024-12-30T00:00:00.000Z');
    expect(bucketKey('2025-03-09T23:59:59Z', 'week', 'UTC')).toBe('2025-03-03T00:00:00.000Z');
    expect(bucketKey('2025-03-10T00:00:00Z', 'week', 'UTC')).toBe('2025-03-10T00:00:00.000Z');
  });

  it('months, days and hours start where expected', () => {
    expect(bucketKey('2024-02-29T13:00:00Z', 'month', 'UTC')).toBe('2024-02-01T00:00:00.000Z');
    expect(bucketKey('2024-02-29', 'day', 'UTC')).toBe('2024-02-29T00:00:00.000Z');
    expect(bucketKey('2024-02-29T13:45:10Z', 'hour', 'UTC')).toBe('2024-02-29T13:00:00.000Z');
  });

  it('enumerates every overlapping bucket, months of unequal length included', () => {
    const b = enumerateBuckets(Date.parse('2024-01-15T00:00:00Z'), Date.parse('2024-04-01T00:00:00Z'), 'month', 'UTC');
    expect(b.map((x) => new Date(x.start).toISOString().slice(0, 10))).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
    expect(new Date(b[1]!.end).toISOString().slice(0, 10)).toBe('2024-03-01');
  });

  it('countBuckets agrees with enumerateBuckets', () => {
    const t0 = Date.parse('2023-06-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 * 24 }),
        fc.integer({ min: 1, max: 200 * 24 }),
        fc.constantFrom('hour', 'day', 'week', 'month' as const),
        (a, len, bucket) => {
          const from = t0 + a * 3_600_000 + 17;
          const to = from + len * 3_600_000;
          expect(countBuckets(from, to, bucket, 'UTC')).toBe(enumerateBuckets(from, to, bucket, 'UTC').length);
          expect(bucketStartMs(from, bucket, 'UTC')).toBeLessThanOrEqual(from);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [6 * 3_600_000, 'hour'],
    [2 * DAY_MS, 'hour'],
    [7 * DAY_MS, 'day'],
    [90 * DAY_MS, 'day'],
    [365 * DAY_MS, 'week'],
    [366 * DAY_MS, 'week'],
    [366 * DAY_MS + 1, 'month'],
    [3 * 365 * DAY_MS, 'month'],
  ] as const)('a period of %d ms is drawn in %s buckets', (len, bucket) => {
    expect(chooseBucket(len)).toBe(bucket);
  });
});
