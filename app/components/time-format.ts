/**
 * Times and days in the reporting time zone (REPORT_TIMEZONE, from the server: reportZone()),
 * whatever the browser's zone, labelled once ("PKT" for Asia/Karachi). Server and browser format
 * in the same zone, so hydration matches. Chart buckets are that zone's days, weeks and months.
 */
import { localDay } from '../../core/time/report-zone';
import { reportZone, zoneLabel } from './report-zone';

type Options = Intl.DateTimeFormatOptions;
const formats = new Map<string, Intl.DateTimeFormat>();
function format(options: Options, d: Date): string {
  const zone = reportZone();
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...options })));
  return f.format(d);
}

const DATE_TIME: Options = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const DATE_TIME_YEAR: Options = { ...DATE_TIME, year: 'numeric' };
const DAY_MONTH_YEAR: Options = { day: 'numeric', month: 'short', year: 'numeric' };
const DAY_MONTH: Options = { day: 'numeric', month: 'short' };
const MONTH_YEAR: Options = { month: 'short', year: 'numeric' };
const HOUR: Options = { hour: '2-digit', minute: '2-digit' };
const CLOCK: Options = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const LONG_DATE: Options = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };

/** A local calendar day `YYYY-MM-DD` as a date at noon UTC: its name is the same in every zone near it. */
const calendarDate = (day: string) => new Date(`${day}T12:00:00Z`);
const utcFormats = new Map<string, Intl.DateTimeFormat>();
function formatCalendar(options: Options, day: string): string {
  const key = JSON.stringify(options);
  let f = utcFormats.get(key);
  if (!f) utcFormats.set(key, (f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options })));
  return f.format(calendarDate(day));
}

/** The year is left out only when it is this year (in the reporting zone): "30 Sept" alone misleads in "All". */
const thisYear = (d: Date, now = new Date()) => format({ year: 'numeric' }, d) === format({ year: 'numeric' }, now);
const thisYearDay = (day: string, now = new Date()) => day.slice(0, 4) === format({ year: 'numeric' }, now);

export const formatWhen = (iso: string): string => {
  const d = new Date(iso);
  return `${format(thisYear(d) ? DATE_TIME : DATE_TIME_YEAR, d)} ${zoneLabel(iso)}`;
};

/**
 * An event time at the precision it is known: a time only for exact records; a record known to
 * the day is stored at the start of its local day, so its date is that day and no time is shown.
 */
export function formatOccurred(iso: string, precision: 'exact' | 'day' | 'week' | 'month'): string {
  if (precision === 'exact') return formatWhen(iso);
  const day = localDay(iso, reportZone());
  const named = formatCalendar(thisYearDay(day) ? DAY_MONTH : DAY_MONTH_YEAR, day);
  if (precision === 'day') return named;
  if (precision === 'week') return `week of ${named}`;
  return formatCalendar(MONTH_YEAR, day);
}
export const formatWhenYear = (iso: string): string => `${format(DATE_TIME_YEAR, new Date(iso))} ${zoneLabel(iso)}`;
export const formatClock = (d: Date): string => format(CLOCK, d);
export const formatLongDate = (d: Date): string => format(LONG_DATE, d);
export const formatHour = (iso: string): string => format(HOUR, new Date(iso));
/** A day of the reporting zone: a local `YYYY-MM-DD`, or the local day of an instant. */
export const formatDay = (isoOrDay: string): string =>
  formatCalendar(DAY_MONTH_YEAR, isoOrDay.length === 10 ? isoOrDay : localDay(isoOrDay, reportZone()));

/** A bucket's short axis label (the key is the bucket's start instant). */
export function formatBucket(iso: string, bucket: 'hour' | 'day' | 'week' | 'month'): string {
  if (bucket === 'hour') return format(HOUR, new Date(iso));
  const day = localDay(iso, reportZone());
  if (bucket === 'month') return formatCalendar(MONTH_YEAR, day);
  return formatCalendar(DAY_MONTH, day);
}

/** "3 min ago", for the feed once the browser runs (server HTML shows the absolute time only). */
export function formatAgo(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}
