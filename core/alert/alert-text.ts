/** The one-line text of an alert (the bell, an email subject, a Slack or Teams message). */
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '../enums';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';
import { killedText } from './killed-figures';
import { localDateTime, localDay, zoneAbbreviation } from '../time/report-zone';
import type { RecordEvent } from './record-events';
import type { WindowEvent } from './window-events';

/** `zone`: the reporting zone; a record's day is its local day there. */
export function recordEventTitle(ruleName: string, e: RecordEvent, zone: string): string {
  const r = e.record;
  const what =
    e.entity === 'incident'
      ? (INCIDENT_TYPE_INFO[(r as Incident).type]?.label ?? 'Incident')
      : `Operation (${(r as Operation).kind})`;
  const where = [r.district, r.province ? (PROVINCE_LABELS[r.province] ?? r.province) : null]
    .filter(Boolean)
    .join(', ');
  const lead = { new: 'New', corrected: 'Corrected', retracted: 'Retracted' }[e.kind];
  const day = localDay(r.occurredAt, zone);
  const killed =
    e.kind === 'corrected' && e.killedBefore
      ? `${killedText(e.killedBefore)} → ${killedText(e.killed)}`
      : killedText(e.killed);
  return `${ruleName}: ${lead}: ${what}${where ? ` in ${where}` : ''} on ${day}, ${killed}`;
}

export function windowEventTitle(ruleName: string, e: WindowEvent, zone: string): string {
  if (e.kind === 'threshold') {
    const at = (iso: string) => `${localDateTime(iso, zone).replace('T', ' ')} ${zoneAbbreviation(iso, zone)}`;
    return `${ruleName}: ${e.current} ${e.measure} from ${at(e.window.from)} to ${at(e.window.to)} (threshold ${e.atLeast})`;
  }
  const s = e.spike!;
  const ratio = s.ratio === null ? 'none expected' : `${s.ratio}× expected`;
  return `${ruleName}: spike: ${s.current} ${e.measure} against ${s.expected} expected (${ratio}, p = ${s.p.toPrecision(2)})`;
}
