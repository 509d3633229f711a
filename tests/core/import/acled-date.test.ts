import { describe, expect, it } from 'vitest';
import { parseAcledDate } from '../../../core/import/acled-date';

describe('parseAcledDate', () => {
  it.each([
    ['01-January-2015', '2015-01-01'], // old regional files
    ['9-May-20', '2020-05-09'], // Excel re-save, two-digit year
    ['1-Jan-15', '2015-01-01'],
    ['31-Dec-99', '1999-12-31'], // %y: 69–99 → 19xx
    ['28 December 2022', '2022-12-28'], // current export
    ['07 December 2022', '2022-12-07'],
    ['28 Dec. 2022', '2022-12-28'],
    ['28-Sept-2022', '2022-09-28'],
    ['December 28, 2022', '2022-12-28'],
    ['2022-12-28', '2022-12-28'], // API files
    ['2022-12-28T00:00:00Z', '2022-12-28'],
    ['2022-12-28 00:00:00', '2022-12-28'],
    ['12/28/2022', '2022-12-28'], // month-first: 28 cannot be a month
    ['28/12/2022', '2022-12-28'], // day-first: 28 cannot be a month
    ['05/05/2022', '2022-05-05'], // same either way
    ['  29 February 2024 ', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseAcledDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['', /missing/],
    [undefined, /missing/],
    ['05/06/2022', /ambiguous/],
    ['31-April-2015', /not a real calendar date/],
    ['29 February 2023', /not a real calendar date/],
    ['2022-13-01', /not a real calendar date/],
    ['32/13/2022', /not a real calendar date/],
    ['01-Janvier-2015', /unknown month "Janvier"/],
    ['yesterday', /not a date form/],
    ['20221228', /not a date form/],
  ])('%s is refused with a reason', (input, reason) => {
    const result = parseAcledDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
