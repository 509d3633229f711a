/**
 * The import report as the page shows it: every row of the file accounted for (imported, updated,
 * skipped by reason, failed), with the identity checked rather than assumed. Framework-free; tested.
 */
import { IMPORT_FORMATS } from '../../../core/import/source-adapter';
import type { ImportReport } from '../../../core/import/import-report';

export const SKIP_REASONS: Record<string, string> = {
  country_not_covered: 'Outside Pakistan and Afghanistan',
  protest_or_riot: 'Protests and riots (not tracked)',
  strategic_development: 'Strategic developments (non-violent)',
  operation_not_requested: 'State operations (import them with “operations”)',
  state_forces_only: 'Both sides one state’s forces',
  no_armed_actor: 'No armed actor (civilians only)',
  outside_border_region: 'Afghanistan outside the border region',
};

export interface AccountLine {
  label: string;
  count: number;
  /** The ACLED fatalities of these rows. */
  deaths: number;
  tone: 'ok' | 'muted' | 'danger';
}

export function accountFor(report: ImportReport): {
  lines: AccountLine[];
  total: number;
  balanced: boolean;
  unlisted: number;
} {
  const skipped = Object.entries(report.skipped)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]): AccountLine => ({
      label: `Skipped: ${SKIP_REASONS[reason] ?? reason.replace(/_/g, ' ')}`,
      count,
      deaths: report.fatalities.skipped[reason] ?? 0,
      tone: 'muted',
    }));
  const d = report.fatalities;
  const lines: AccountLine[] = [
    { label: 'Imported as new records', count: report.imported, deaths: d.imported, tone: 'ok' },
    { label: 'Updated: changed (matched by event id)', count: report.changed, deaths: d.changed, tone: 'ok' },
    { label: 'Updated: already identical', count: report.unchanged, deaths: d.unchanged, tone: 'ok' },
    ...skipped,
    {
      label: 'Rows with errors',
      count: report.errorCount,
      deaths: d.errors,
      tone: report.errorCount > 0 ? 'danger' : 'muted',
    },
  ];
  const total = lines.reduce((n, l) => n + l.count, 0);
  // `errors` lists at most the first 1,000 row errors, plus the stop reason (not a row) last.
  const listedRowErrors = report.errors.length - (report.stopped ? 1 : 0);
  return { lines, total, balanced: total === report.rows, unlisted: Math.max(0, report.errorCount - listedRowErrors) };
}

/** A report from an API answer, checked before the page relies on it. */
export function readReport(v: unknown): ImportReport {
  const r = v as Partial<ImportReport> | null;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN);
  if (
    !r ||
    [r.rows, r.imported, r.updated, r.errorCount].some((x) => Number.isNaN(n(x))) ||
    typeof r.skipped !== 'object' ||
    !Array.isArray(r.errors)
  )
    throw new Error('not an import report');
  const numbers = (o: unknown): Record<string, number> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, c]) => typeof c === 'number'));
  const f = (r.fatalities ?? {}) as Partial<ImportReport['fatalities']>;
  const num = (x: unknown) => (Number.isNaN(n(x)) ? 0 : n(x));
  return {
    format: (IMPORT_FORMATS as readonly unknown[]).includes(r.format) ? r.format! : null,
    rows: r.rows!,
    imported: r.imported!,
    updated: r.updated!,
    changed: Number.isNaN(n(r.changed)) ? r.updated! : n(r.changed),
    unchanged: num(r.unchanged),
    skipped: numbers(r.skipped),
    fatalities: {
      total: num(f.total),
      imported: num(f.imported),
      updated: num(f.updated),
      changed: num(f.changed),
      unchanged: num(f.unchanged),
      skipped: numbers(f.skipped),
      errors: num(f.errors),
    },
    unmatchedActors: Array.isArray(r.unmatchedActors)
      ? r.unmatchedActors.filter((a) => a && typeof a.name === 'string' && typeof a.rows === 'number')
      : [],
    errors: r.errors.filter((e) => e && typeof e.line === 'number' && typeof e.message === 'string'),
    errorCount: r.errorCount!,
    stopped: r.stopped && typeof r.stopped.message === 'string' ? r.stopped : null,
  };
}

const MB = 1024 * 1024;
export const formatBytes = (b: number) =>
  b >= MB ? `${(b / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`;
