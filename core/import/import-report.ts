/**
 * The import report, a public contract (the API returns it, the admin page renders it), and the
 * tally that builds it.
 *
 * Identity: `imported + updated + Σ skipped + errorCount === rows`, where `rows` counts the data
 * records after the header (blank lines and all-empty records are not rows).
 *
 * `errors` keeps the first `maxErrors` row errors (default 1000) so a hopeless file cannot bloat
 * the response; `errorCount` keeps counting past the cap. A problem with the file rather than a
 * row (unusable header, unreadable stream, a record too large to be real, the store failing) stops
 * the import: it is reported in `stopped` and appended to `errors` as the last entry, so a page
 * that only lists errors still shows it, but it is not counted in `errorCount` or `rows`.
 */

export interface ImportError {
  /** Physical line (1-based) where the record starts; a multi-line quoted note spans several. */
  line: number;
  message: string;
}

export interface ImportReport {
  rows: number;
  imported: number;
  updated: number;
  skipped: Record<string, number>;
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
  private rows = 0;
  private imported = 0;
  private updated = 0;
  private readonly skipped: Record<string, number> = {};
  private readonly errors: ImportError[] = [];
  private errorCount = 0;
  private stopped: ImportError | null = null;

  constructor(private readonly maxErrors: number = DEFAULT_MAX_ERRORS) {}

  row(): void {
    this.rows += 1;
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  written(outcome: 'imported' | 'updated'): void {
    this[outcome] += 1;
  }

  error(line: number, message: string): void {
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
      updated: this.updated,
      skipped,
      errorCount: this.errorCount,
      bytesRead,
    };
  }

  report(): ImportReport {
    const errors = this.stopped ? [...this.errors, this.stopped] : [...this.errors];
    return {
      rows: this.rows,
      imported: this.imported,
      updated: this.updated,
      skipped: { ...this.skipped },
      errors,
      errorCount: this.errorCount,
      stopped: this.stopped,
    };
  }
}
