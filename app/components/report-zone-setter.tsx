'use client';
/**
 * Hands the server's reporting zone to the browser's formatters before any child renders (a parent
 * renders before its children), so server HTML and hydration format in the same zone.
 */
import { setBrowserReportZone } from './report-zone';

export function ReportZoneSetter({ zone }: { zone: string }) {
  setBrowserReportZone(zone);
  return null;
}
