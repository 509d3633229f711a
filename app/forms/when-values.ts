/**
 * Dates and times of records as the forms handle them. Dates and times are entered in the
 * reporting time zone (REPORT_TIMEZONE, "PKT" by default: as Pakistani sources report them),
 * whatever the browser's zone; a date without a time is sent as the bare date, which the server
 * stores as the start of that day in the reporting zone. Framework-free.
 */
import type { TimePrecision } from '../../core/enums';
import { localDateTime, localDay, localTimeMs } from '../../core/time/report-zone';
import { reportZone } from '../components/report-zone';

export const PRECISION_LABELS: Record<TimePrecision, string> = {
  exact: 'Exact time',
  day: 'Day',
  week: 'Week (date within it)',
  month: 'Month (date within it)',
};

/** The value sent to the API: the bare date, or the local time as an instant. */
export function occurredAtOf(date: string, time: string, precision: TimePrecision): string {
  if (precision === 'exact' && /^\d{2}:\d{2}$/.test(time) && /^\d{4}-\d{2}-\d{2}$/.test(date))
    return new Date(localTimeMs(`${date}T${time}`, reportZone())).toISOString();
  return date;
}

/** Date and time (reporting zone) of a stored instant, for the form. */
export function dateTimeOf(iso: string, precision: TimePrecision): { date: string; time: string } {
  if (precision !== 'exact') return { date: localDay(iso, reportZone()), time: '' };
  const local = localDateTime(iso, reportZone());
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** Today's date in the reporting zone, the default for a new record. */
export const todayInReportZone = (now: Date) => localDay(now, reportZone());
