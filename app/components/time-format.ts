/**
 * Times are shown in Pakistan Standard Time (UTC+5, no daylight saving), labelled "PKT": the
 * team watches events in Pakistan, and a fixed zone renders the same on the server and in every
 * browser (no hydration mismatch, no "whose midnight?"). Chart buckets are UTC days, said so there.
 */
const TZ = 'Asia/Karachi';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateTimeYear = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const hourOnly = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const yearIn = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric' });
/** The year is left out only when it is this year (in the reporting zone): "30 Sept" alone misleads in "All". */
const thisYear = (d: Date, now = new Date()) => yearIn.format(d) === yearIn.format(now);

export const formatWhen = (iso: string): string => {
  const d = new Date(iso);
  return `${(thisYear(d) ? dateTime : dateTimeYear).format(d)} PKT`;
};

const dayMonthUtc = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const dayMonthYearUtc = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * An event time at the precision it is known: a time only for exact records; a day-precision
 * record is stored at 00:00 UTC, which would read as "05:00 PKT" and claim a time nobody knows.
 */
export function formatOccurred(iso: string, precision: 'exact' | 'day' | 'week' | 'month'): string {
  if (precision === 'exact') return formatWhen(iso);
  const d = new Date(iso);
  const day = (thisYear(d) ? dayMonthUtc : dayMonthYearUtc).format(d);
  if (precision === 'day') return day;
  if (precision === 'week') return `week of ${day}`;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(d);
}
export const formatWhenYear = (iso: string): string => `${dateTimeYear.format(new Date(iso))} PKT`;
export const formatClock = (d: Date): string => clock.format(d);
export const formatLongDate = (d: Date): string => longDate.format(d);
export const formatHour = (iso: string): string => hourOnly.format(new Date(iso));
/** A calendar date (UTC), for days, weeks and months of charts and reference periods. */
export const formatDay = (isoOrDay: string): string =>
  dateOnly.format(new Date(isoOrDay.length === 10 ? `${isoOrDay}T00:00:00Z` : isoOrDay));

const monthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** A bucket's short axis label. */
export function formatBucket(iso: string, bucket: 'hour' | 'day' | 'week' | 'month'): string {
  const d = new Date(iso);
  if (bucket === 'hour') return hourOnly.format(d);
  if (bucket === 'month') return monthYear.format(d);
  return dayMonth.format(d);
}

/** "3 min ago", for the feed once the browser runs (server HTML shows the absolute time only). */
export function formatAgo(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}
