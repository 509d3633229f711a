/**
 * Calendar arithmetic in the reporting time zone (REPORT_TIMEZONE, an IANA name): every day, ISO
 * week, month and hour the product counts or shows is one of this zone's, with its historical
 * rules (Asia/Karachi kept daylight saving time in 2008 and 2009). Days are `YYYY-MM-DD` strings;
 * instants are epoch milliseconds or ISO 8601. Offsets come from @date-fns/tz (the runtime's IANA
 * data, the same data PostgreSQL's `AT TIME ZONE` reads; tests hold both to the same days).
 */
import { TZDate, tzOffset } from '@date-fns/tz';

export const DEFAULT_REPORT_ZONE = 'Asia/Karachi';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** True when the runtime knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(zone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(zone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  return f;
}

const toMs = (t: number | string | Date): number =>
  typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();

/** The zone's offset from UTC at an instant, in milliseconds (+05:00 → 18,000,000). */
export const offsetMs = (t: number | string | Date, zone: string): number =>
  tzOffset(zone, new Date(toMs(t))) * MINUTE_MS;

/** The local calendar day of an instant. */
export function localDay(t: number | string | Date, zone: string): string {
  const ms = toMs(t);
  // Intl writes years before 1000 without padding; shift through the offset instead for those.
  const ymd = dayFormat(zone).format(ms);
  return /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? ymd : new Date(ms + offsetMs(ms, zone)).toISOString().slice(0, 10);
}

const dayStarts = new Map<string, number>();

/**
 * The instant a local day starts: local midnight, or the first instant of the day where midnight
 * did not exist (a daylight-saving change at 00:00, as in Karachi on 1 June 2008: 01:00 +06).
 */
export function dayStartMs(day: string, zone: string): number {
  const key = `${zone} ${day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const ms = new TZDate(y, m - 1, d, zone).getTime();
  // An import anchors every row to its day: a few thousand distinct days, asked for again and again.
  if (dayStarts.size >= 50_000) dayStarts.clear();
  dayStarts.set(key, ms);
  return ms;
}

export const dayStartIso = (day: string, zone: string): string => new Date(dayStartMs(day, zone)).toISOString();

/** The start of the local hour holding an instant (exact for zones offset by half hours, too). */
export function hourStartMs(t: number | string | Date, zone: string): number {
  const ms = toMs(t);
  const local = ms + offsetMs(ms, zone);
  return ms - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

/** A calendar day `n` days after `day` (zone-free: calendar dates). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Local wall-clock time of an instant as `YYYY-MM-DDTHH:MM`. */
export function localDateTime(t: number | string | Date, zone: string): string {
  const ms = toMs(t);
  return new Date(ms + offsetMs(ms, zone)).toISOString().slice(0, 16);
}

/**
 * The instant of a local wall-clock time `YYYY-MM-DDTHH:MM` in the zone; a time skipped by a
 * daylight-saving change moves forward by the gap, as PostgreSQL does.
 */
export function localTimeMs(dateTime: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(dateTime);
  if (!m) throw new Error(`not a local date-time: ${dateTime}`);
  const [y, mo, d, h, mi, sec] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  return new TZDate(y!, mo! - 1, d!, h!, mi!, sec!, zone).getTime();
}

/** The zone's short name at an instant for labels ("PKT" where the zone is Asia/Karachi, else "GMT+5"-like). */
export function zoneAbbreviation(t: number | string | Date, zone: string): string {
  if (zone === 'Asia/Karachi') return offsetMs(t, zone) === 5 * HOUR_MS ? 'PKT' : 'PKST';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(toMs(t));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
