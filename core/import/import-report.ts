/**
 * The import report, a public contract (the API returns it, the admin page renders it), and the
 * tally that builds it.
 *
 * Identity: `imported + updated + Σ skipped + errorCount === rows`, where `rows` counts the data
 * records after the header (blank lines and all-empty records are not rows); `updated` is
 * `changed + unchanged` (a re-import of an identical row writes nothing).
 *
 * Deaths: `fatalities` gives the rows' ACLED fatalities by the same outcomes, so
 * `fatalities.imported + fatalities.updated + Σ fatalities.skipped + fatalities.errors ===
 * fatalities.total`, the file's total (a cell that is not a number, or a misaligned record, counts 0).
 *
 * `errors` keeps the first `maxErrors` row errors (default 1000) so a hopeless file cannot bloat
 * the response; `errorCount` keeps counting past the cap. A problem with the file rather than a
 * row (unusable header, unreadable stream, a record too large to be real, the store failing) stops
 * the import: it is reported in `stopped` and appended to `errors` as the last entry, so a page
 * that only lists errors still shows it, but it is not counted in `errorCount` or `rows`.
 */

import type { ImportFormat } from './source-adapter';

export interface ImportError {
  /** Physical line (1-based) where the record starts; a multi-line quoted note spans several. */
  line: number;
  message: string;
}

/** Fatalities of the rows by outcome; they sum to `total`. */
export interface FatalityTally {
  total: number;
  imported: number;
  updated: number;
  changed: number;
  unchanged: number;
  skipped: Record<string, number>;
  errors: number;
}

/** An actor name that matched no group, and how many imported rows named it. */
export interface UnmatchedActor {
  name: string;
  rows: number;
}

export interface ImportReport {
  /** The format read (from the header, or as named); null when no header matched one. */
  format: ImportFormat | null;
  rows: number;
  imported: number;
  updated: number;
  changed: number;
  unchanged: number;
  skipped: Record<string, number>;
  fatalities: FatalityTally;
  /** Named perpetrators (or operations' targets) that matched no group, most rows first. */
  unmatchedActors: UnmatchedActor[];
  errors: ImportError[];
  errorCount: number;
  stopped: ImportError | null;
}

export interface ImportProgress {
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  errorCount: number;
  /** Bytes of input read so far, for a progress bar against the file size. */
  bytesRead: number;
}

export const DEFAULT_MAX_ERRORS = 1000;

export class ReportTally {
  private format: ImportFormat | null = null;
  private rows = 0;
  private imported = 0;
  private changed = 0;
  private unchanged = 0;
  private readonly skipped: Record<string, number> = {};
  private readonly deaths: FatalityTally = {
    total: 0,
    imported: 0,
    updated: 0,
    changed: 0,
    unchanged: 0,
    skipped: {},
    errors: 0,
  };
  private readonly unmatched = new Map<string, number>();
  private readonly errors: ImportError[] = [];
  private errorCount = 0;
  private stopped: ImportError | null = null;

  constructor(private readonly maxErrors: number = DEFAULT_MAX_ERRORS) {}

  /** The format of the file, once its header is read. */
  formatIs(format: ImportFormat): void {
    this.format = format;
  }

  row(): void {
    this.rows += 1;
  }

  skip(reason: string, fatalities = 0): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    this.deaths.skipped[reason] = (this.deaths.skipped[reason] ?? 0) + fatalities;
    this.deaths.total += fatalities;
  }

  written(outcome: 'imported' | 'changed' | 'unchanged', fatalities = 0): void {
    this[outcome] += 1;
    this.deaths[outcome] += fatalities;
    if (outcome !== 'imported') this.deaths.updated += fatalities;
    this.deaths.total += fatalities;
  }

  /** An actor name of a saved row that no group's name or alias matched. */
  unmatchedActor(name: string): void {
    this.unmatched.set(name, (this.unmatched.get(name) ?? 0) + 1);
  }

  error(line: number, message: string, fatalities = 0): void {
    this.deaths.errors += fatalities;
    this.deaths.total += fatalities;
    this.errorCount += 1;
    if (this.errors.length < this.maxErrors) this.errors.push({ line, message });
  }

  /** Records why reading stopped; the first reason wins (later ones are its consequences). */
  stop(line: number, message: string): void {
    this.stopped ??= { line, message };
  }

  progress(bytesRead: number): ImportProgress {
    const skipped = Object.values(this.skipped).reduce((a, b) => a + b, 0);
    return {
      rows: this.rows,
      imported: this.imported,
      updated: this.changed + this.unchanged,
      skipped,
      errorCount: this.errorCount,
      bytesRead,
    };
  }

  report(): ImportReport {
    const errors = this.stopped ? [...this.errors, this.stopped] : [...this.errors];
    return {
      format: this.format,
      rows: this.rows,
      imported: this.imported,
      updated: this.changed + this.unchanged,
      changed: this.changed,
      unchanged: this.unchanged,
      skipped: { ...this.skipped },
      fatalities: { ...this.deaths, skipped: { ...this.deaths.skipped } },
      unmatchedActors: [...this.unmatched]
        .map(([name, rows]) => ({ name, rows }))
        .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)),
      errors,
      errorCount: this.errorCount,
      stopped: this.stopped,
    };
  }
}

/** A report with nothing counted yet (tests and pages build on it). */
export function emptyImportReport(): ImportReport {
  return new ReportTally().report();
}

/**
 * Not a file of a supported format, or one that stopped before its first row: nothing in it could be read, so the
 * import failed (the API answers 422 with the report, the CLI exits non-zero).
 */
export function isUnusableFile(report: Pick<ImportReport, 'rows' | 'stopped'>): boolean {
  return report.stopped !== null && report.rows === 0;
}
