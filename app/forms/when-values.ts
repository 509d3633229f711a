/**
 * Dates and times of records as the forms handle them. Times are entered in Pakistan time (PKT,
 * UTC+5, no daylight saving), as Pakistani sources report them; a date without a time is stored as
 * midnight UTC of that date, as the rest of the system does. Framework-free.
 */
import type { TimePrecision } from '../../core/enums';

export const PRECISION_LABELS: Record<TimePrecision, string> = {
  exact: 'Exact time',
  day: 'Day',
  week: 'Week (date within it)',
  month: 'Month (date within it)',
};

export const PKT_OFFSET = '+05:00';

/** The instant sent to the API: midnight UTC of the date, or the PKT time converted by the schema. */
export function occurredAtOf(date: string, time: string, precision: TimePrecision): string {
  if (precision === 'exact' && /^\d{2}:\d{2}$/.test(time)) return `${date}T${time}:00${PKT_OFFSET}`;
  return date;
}

/** Date and time (PKT) of a stored instant, for the form. */
export function dateTimeOf(iso: string, precision: TimePrecision): { date: string; time: string } {
  if (precision !== 'exact') return { date: iso.slice(0, 10), time: '' };
  const pkt = new Date(Date.parse(iso) + 5 * 3600_000).toISOString();
  return { date: pkt.slice(0, 10), time: pkt.slice(11, 16) };
}

/** Today's date in Pakistan, the default for a new record. */
export const todayInPakistan = (now: Date) => new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
