/**
 * A record's day. A record known to the minute is on the local day of its instant in the reporting
 * zone; a record known only to the day, week or month is on its calendar date, and is stored as the
 * instant that date starts in the reporting zone (docs/adr/0014), so every range, bucket and export
 * that works on instants puts it on that date without a special case.
 */
import type { TimePrecision } from '../enums';
import { dayStartIso, localDay, localTimeMs } from './report-zone';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * The stored instant of `occurredAt` (an instant, or a local date or date-time of the reporting
 * zone): exact times are kept; other precisions move to the start of their local day.
 */
export function anchorOccurredAt(occurredAt: string, precision: TimePrecision, zone: string): string {
  if (BARE_DATE.test(occurredAt)) return dayStartIso(occurredAt, zone);
  if (LOCAL_TIME.test(occurredAt)) {
    const at = new Date(localTimeMs(occurredAt, zone)).toISOString();
    return precision === 'exact' ? at : dayStartIso(occurredAt.slice(0, 10), zone);
  }
  if (precision === 'exact') return occurredAt;
  return dayStartIso(localDay(occurredAt, zone), zone);
}

/** The local calendar day of a stored instant. */
export const occurredDay = (occurredAt: string, zone: string): string => localDay(occurredAt, zone);
