/**
 * ACLED dates in every form its files have used, to an ISO calendar date.
 *
 * - `01-January-2015`, `9-May-20`, `1-Jan-15` (old regional files, Excel re-saves)
 * - `28 December 2022` (current export), `December 28, 2022`
 * - `2022-12-28`, optionally followed by a time (API files)
 * - slashed numeric dates only when unambiguous: `12/28/2022` is month-first because 28 cannot be a
 *   month, `28/12/2022` is day-first; `05/06/2022` is refused (ACLED exports never write it, and a
 *   guess would silently misdate an event by months), `05/05/2022` is accepted.
 *
 * Two-digit years follow POSIX `%y`: 69–99 → 1969–1999, 00–68 → 2000–2068.
 *
 * The result is a calendar date of the reporting zone (REPORT_TIMEZONE): the record kinds store it
 * as the start of that day there (core/time/occurred-day.ts), never as a UTC midnight.
 */

export type AcledDateResult = { ok: true; date: string } | { ok: false; reason: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return n >= 69 ? 1900 + n : 2000 + n;
}

function calendar(year: number, month: number, day: number, input: string): AcledDateResult {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May: compare back to catch impossible dates.
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, reason: `"${input}" is not a real calendar date` };
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

export function parseAcledDate(value: string | undefined): AcledDateResult {
  const input = (value ?? '').trim();
  if (input === '') return { ok: false, reason: 'the date is missing' };

  // 2022-12-28, 2022-12-28T00:00:00Z, 2022-12-28 00:00:00
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(input);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]), input);

  // 01-January-2015, 9-May-20, 28 December 2022, 28-Dec-2022, 28 Dec. 2022
  m = /^(\d{1,2})[-\s]+([A-Za-z]+\.?)[-\s,]+(\d{4}|\d{2})$/.exec(input);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === undefined) return { ok: false, reason: `"${input}" has an unknown month "${m[2]}"` };
    return calendar(fullYear(m[3]!), month, Number(m[1]), input);
  }

  // December 28, 2022 / Dec 28 2022
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(input);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month === undefined) return { ok: false, reason: `"${input}" has an unknown month "${m[1]}"` };
    return calendar(Number(m[3]), month, Number(m[2]), input);
  }

  // 12/28/2022, 28/12/2022, 28.12.2022: only when the order is evident from the numbers.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/.exec(input);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    if (a > 12 && b <= 12) return calendar(year, b, a, input);
    if (b > 12 && a <= 12) return calendar(year, a, b, input);
    if (a === b) return calendar(year, a, b, input);
    if (a > 12 && b > 12) return { ok: false, reason: `"${input}" is not a real calendar date` };
    return { ok: false, reason: `"${input}" is ambiguous (day/month or month/day); use a form like 28 December 2022` };
  }

  return {
    ok: false,
    reason: `"${input}" is not a date form ACLED uses (e.g. 28 December 2022, 01-January-2015, 2022-12-28)`,
  };
}
