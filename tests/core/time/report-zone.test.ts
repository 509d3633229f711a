/**
 * Calendar arithmetic in the reporting zone, table-driven: Asia/Karachi's daylight saving time of
 * 2008 (a fixed +05:00 would misdate these), Europe/London's 23- and 25-hour days, a half-hour
 * zone's hours, and the split of a period into whole local days.
 */
import { describe, expect, it } from 'vitest';
import { bucketKey, countBuckets, enumerateBuckets } from '../../../core/stats/buckets';
import { splitPeriod } from '../../../core/stats/period';
import { resolveFilterDates } from '../../../core/filters';
import { anchorOccurredAt } from '../../../core/time/occurred-day';
import {
  dayStartIso,
  hourStartMs,
  isTimeZone,
  localDateTime,
  localDay,
  localTimeMs,
  zoneAbbreviation,
} from '../../../core/time/report-zone';
import { formatOccurred, formatWhen } from '../../../app/components/time-format';

const ms = Date.parse;

describe('the zone rules', () => {
  it.each([
    // Karachi kept +06 from 1 June to 1 November 2008: 18:30Z is 00:30 the next day, not 23:30.
    ['2008-07-01T18:30:00Z', 'Asia/Karachi', '2008-07-02'],
    ['2008-12-01T18:30:00Z', 'Asia/Karachi', '2008-12-01'],
    ['2009-05-01T18:30:00Z', 'Asia/Karachi', '2009-05-02'],
    ['2026-11-19T19:30:00Z', 'Asia/Karachi', '2026-11-20'],
    ['2026-11-19T18:59:59Z', 'Asia/Karachi', '2026-11-19'],
    ['2026-10-24T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-03-10T03:59:00Z', 'America/New_York', '2026-03-09'],
  ])('%s is on %s … in %s', (iso, zone, day) => {
    expect(localDay(iso, zone)).toBe(day);
  });

  it.each([
    ['2008-05-31', 'Asia/Karachi', '2008-05-30T19:00:00.000Z'],
    // Midnight did not exist on 1 June 2008 (00:00 → 01:00): the day starts at 01:00 +06.
    ['2008-06-01', 'Asia/Karachi', '2008-05-31T19:00:00.000Z'],
    ['2008-07-01', 'Asia/Karachi', '2008-06-30T18:00:00.000Z'],
    ['2008-11-01', 'Asia/Karachi', '2008-10-31T19:00:00.000Z'],
    ['2026-10-25', 'Europe/London', '2026-10-24T23:00:00.000Z'],
    ['2026-10-26', 'Europe/London', '2026-10-26T00:00:00.000Z'],
  ])('%s starts … in %s at %s', (day, zone, start) => {
    expect(dayStartIso(day, zone)).toBe(start);
    expect(localDay(start, zone)).toBe(day);
  });

  it('names zones and refuses what is not one', () => {
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone("Asia/Karachi'; drop table x")).toBe(false);
    expect(zoneAbbreviation('2026-11-20T00:00:00Z', 'Asia/Karachi')).toBe('PKT');
    expect(zoneAbbreviation('2008-07-01T00:00:00Z', 'Asia/Karachi')).toBe('PKST');
  });

  it('local hours of a half-hour zone start at :30 UTC', () => {
    expect(new Date(hourStartMs(ms('2026-01-01T10:45:00Z'), 'Asia/Kolkata')).toISOString()).toBe(
      '2026-01-01T10:30:00.000Z',
    );
    expect(localDateTime('2026-01-01T10:45:00Z', 'Asia/Kolkata')).toBe('2026-01-01T16:15');
    expect(new Date(localTimeMs('2026-01-01T16:15', 'Asia/Kolkata')).toISOString()).toBe('2026-01-01T10:45:00.000Z');
  });
});

describe('buckets in the zone', () => {
  it('a London day at the end of summer time has 25 hours, the one at its start 23', () => {
    const day = (d: string) => [ms(dayStartIso(d, 'Europe/London')), ms(dayStartIso(nextDay(d), 'Europe/London'))];
    const [a, b] = day('2026-10-25') as [number, number];
    expect(enumerateBuckets(a, b, 'hour', 'Europe/London')).toHaveLength(25);
    expect(countBuckets(a, b, 'hour', 'Europe/London')).toBe(25);
    const [c, d] = day('2026-03-29') as [number, number];
    expect(enumerateBuckets(c, d, 'hour', 'Europe/London')).toHaveLength(23);
    expect(enumerateBuckets(a, b, 'day', 'Europe/London')).toEqual([{ start: a, end: b }]);
  });

  it('weeks start on a local Monday, months on the local first', () => {
    expect(bucketKey('2026-11-22T18:59:00Z', 'week', 'Asia/Karachi')).toBe('2026-11-15T19:00:00.000Z');
    expect(bucketKey('2026-11-22T19:00:00Z', 'week', 'Asia/Karachi')).toBe('2026-11-22T19:00:00.000Z');
    expect(bucketKey('2026-11-30T19:30:00Z', 'month', 'Asia/Karachi')).toBe('2026-11-30T19:00:00.000Z');
    expect(bucketKey('2026-11-20', 'month', 'Asia/Karachi')).toBe('2026-10-31T19:00:00.000Z');
    const weeks = enumerateBuckets(ms('2026-10-19T00:00:00Z'), ms('2026-11-02T00:00:00Z'), 'week', 'Europe/London');
    expect(weeks.map((w) => localDay(w.start, 'Europe/London'))).toEqual(['2026-10-19', '2026-10-26']);
  });

  it('splits a period into whole local days and exact edges', () => {
    expect(splitPeriod({ from: '2026-11-19T20:00:00Z', to: '2026-11-22T10:00:00Z' }, 'Asia/Karachi')).toEqual({
      days: { fromDay: '2026-11-21', toDay: '2026-11-22' },
      edges: [
        { from: '2026-11-19T20:00:00Z', to: '2026-11-20T19:00:00.000Z' },
        { from: '2026-11-21T19:00:00.000Z', to: '2026-11-22T10:00:00Z' },
      ],
    });
    expect(splitPeriod({ from: '2026-11-19T19:00:00.000Z', to: '2026-11-20T19:00:00.000Z' }, 'Asia/Karachi')).toEqual({
      days: { fromDay: '2026-11-20', toDay: '2026-11-21' },
      edges: [],
    });
  });
});

describe('records known to the day', () => {
  it('are stored at the start of their local day; exact times are kept', () => {
    expect(anchorOccurredAt('2026-11-20', 'day', 'Asia/Karachi')).toBe('2026-11-19T19:00:00.000Z');
    expect(anchorOccurredAt('2026-11-20', 'exact', 'Asia/Karachi')).toBe('2026-11-19T19:00:00.000Z');
    expect(anchorOccurredAt('2026-11-20T10:00:00.000Z', 'day', 'Asia/Karachi')).toBe('2026-11-19T19:00:00.000Z');
    expect(anchorOccurredAt('2026-11-20T10:00:00.000Z', 'exact', 'Asia/Karachi')).toBe('2026-11-20T10:00:00.000Z');
    // Anchoring twice changes nothing.
    const once = anchorOccurredAt('2026-10-25', 'week', 'Europe/London');
    expect(anchorOccurredAt(once, 'week', 'Europe/London')).toBe(once);
  });

  it('show their date and no time, and exact times show the zone once', () => {
    expect(formatOccurred('2026-11-19T19:00:00.000Z', 'day')).toBe('20 Nov');
    expect(formatOccurred('2026-11-19T19:00:00.000Z', 'month')).toBe('Nov 2026');
    expect(formatWhen('2026-11-19T21:00:00.000Z')).toBe('20 Nov, 02:00 PKT');
  });

  it('filters read dates as local days of the zone', () => {
    expect(resolveFilterDates({ from: '2026-11-20', to: '2026-11-21' }, 'Asia/Karachi')).toEqual({
      from: '2026-11-19T19:00:00.000Z',
      to: '2026-11-20T19:00:00.000Z',
    });
    expect(() => resolveFilterDates({ from: '2026-11-20T19:00:00.000Z', to: '2026-11-21' }, 'Asia/Karachi')).toThrow();
  });
});

const nextDay = (d: string) => new Date(ms(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
