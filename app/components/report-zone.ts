/**
 * The reporting time zone as the pages see it. On the server it is the runtime's REPORT_TIMEZONE
 * (read per call, so layouts and pages rendering in any order agree); in the browser it is what
 * the root layout handed down (ReportZoneSetter), never the browser's own zone.
 */
import { DEFAULT_REPORT_ZONE, zoneAbbreviation } from '../../core/time/report-zone';

let browserZone: string | null = null;

type RuntimeHolder = { [key: symbol]: { env?: { REPORT_TIMEZONE?: string } } | undefined };

export function reportZone(): string {
  const runtime = (globalThis as unknown as RuntimeHolder)[Symbol.for('border-watch.runtime')];
  return runtime?.env?.REPORT_TIMEZONE ?? browserZone ?? DEFAULT_REPORT_ZONE;
}

export function setBrowserReportZone(zone: string): void {
  browserZone = zone;
}

/** The label shown once beside times and days: "PKT", "GMT", "BST", … at that instant. */
export const zoneLabel = (at: number | string | Date = Date.now()): string => zoneAbbreviation(at, reportZone());
