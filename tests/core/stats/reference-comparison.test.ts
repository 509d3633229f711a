import { describe, expect, it } from 'vitest';
import { endedPeriod, periodWording } from '../../../core/stats/reference-comparison';

const day = (d: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(d));

describe('published figures', () => {
  it('says when an undated figure was reported instead of inventing a period', () => {
    const undated = { periodLabel: 'undated', periodStart: null, periodEnd: null, reportedOn: '2026-01-17' };
    expect(periodWording(undated, day)).toBe('undated, reported 17 Jan 2026');
    expect(
      periodWording({ ...undated, periodLabel: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31' }, day),
    ).toBe('2025');
  });

  it('compares only over a period with both edges that has ended', () => {
    const f = {
      comparableTo: 'intelligenceBasedOperations' as const,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    };
    expect(endedPeriod(f, new Date('2026-01-01T00:00:00Z'), 'UTC')).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    expect(endedPeriod(f, new Date('2025-12-31T23:59:00Z'), 'UTC')).toBeNull();
    expect(endedPeriod({ ...f, periodStart: null }, new Date('2027-01-01'), 'UTC')).toBeNull();
    expect(endedPeriod({ ...f, comparableTo: null }, new Date('2027-01-01'), 'UTC')).toBeNull();
  });
});
