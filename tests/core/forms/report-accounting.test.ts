import { describe, expect, it } from 'vitest';
import { accountFor, formatBytes, readReport } from '../../../app/record/import/report-accounting';
import { emptyImportReport } from '../../../core/import/import-report';

const report = {
  ...emptyImportReport(),
  changed: 1,
  rows: 10,
  imported: 5,
  updated: 1,
  skipped: { protest_or_riot: 2, country_not_covered: 1 },
  errors: [{ line: 4, message: 'bad date' }],
  errorCount: 1,
  stopped: null,
};

describe('import report accounting', () => {
  it('accounts for every row, skipped reasons biggest first', () => {
    const a = accountFor(report);
    expect(a.total).toBe(10);
    expect(a.balanced).toBe(true);
    expect(a.lines.map((l) => l.count)).toEqual([5, 1, 0, 2, 1, 1]);
    expect(a.lines[3]!.label).toBe('Skipped: Protests and riots (not tracked)');
    expect(a.unlisted).toBe(0);
  });

  it('says when the identity does not hold', () => {
    expect(accountFor({ ...report, rows: 11 }).balanced).toBe(false);
  });

  it('counts errors beyond the listed ones, not counting the stop reason', () => {
    const stopped = { line: 900, message: 'stream failed' };
    expect(
      accountFor({
        ...report,
        errorCount: 1500,
        errors: [...Array.from({ length: 1000 }, (_, i) => ({ line: i, message: 'x' })), stopped],
        stopped,
      }).unlisted,
    ).toBe(500);
  });

  it('reads a report and refuses something else', () => {
    expect(readReport(report)).toEqual(report);
    expect(() => readReport({ rows: 'x' })).toThrow();
  });

  it('formats sizes', () => {
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});
