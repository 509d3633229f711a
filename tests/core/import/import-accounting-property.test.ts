/**
 * Property over every ACLED fixture (and variants that bring the Benin rows into scope, with and
 * without operations): every row lands in exactly one outcome, and the fatalities by outcome sum to
 * the file's total as an independent parser reads it.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importAcled } from '../../../core/import/import-file';
import type { ByteInput } from '../../../core/import/csv-records';
import { MemorySink } from './memory-sink';
import { REAL_FIXTURES } from '../../support/fixtures';

const realDir = REAL_FIXTURES;
const PAKISTAN = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');
const BENIN = path.join(realDir, 'acled_2022_benin_newformat_R_export_NA.csv');
const exists = existsSync(PAKISTAN) && existsSync(BENIN);

/** Total fatalities as csv-parse's sync API reads the whole file (NA and empty count 0). */
function fileDeaths(text: string | Buffer): { rows: number; deaths: number } {
  const rows = parse(text, {
    columns: (h: string[]) => h.map((c) => c.toLowerCase()),
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return {
    rows: rows.length,
    deaths: rows.reduce((n, r) => n + (/^\d+$/.test(r.fatalities ?? '') ? Number(r.fatalities) : 0), 0),
  };
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

const variants = (): [string, () => ByteInput, string | Buffer][] => {
  const benin = readFileSync(BENIN, 'utf8');
  const asPakistan = benin.replace(/,Benin,([^,]*),/g, ',Pakistan,Punjab,');
  const asAfghanistan = benin.replace(/,Benin,([^,]*),/g, ',Afghanistan,Kunar,');
  return [
    ['Pakistan 2015 (old format)', () => createReadStream(PAKISTAN), readFileSync(PAKISTAN)],
    ['Benin 2022 (current layout)', () => [benin], benin],
    ['Benin rows placed in Pakistan', () => [asPakistan], asPakistan],
    ['Benin rows placed in Afghanistan', () => [asAfghanistan], asAfghanistan],
  ];
};

describe.skipIf(!exists)('every row and every death of every ACLED fixture is accounted for', () => {
  for (const operations of [false, true]) {
    it(`rows and fatalities by outcome sum to the file's (operations: ${operations})`, async () => {
      for (const [name, input, text] of variants()) {
        const expected = fileDeaths(text);
        const sink = new MemorySink();
        const report = await importAcled({ input: input(), sink, options: { operations } });
        const outcomes = report.imported + report.updated + sum(report.skipped) + report.errorCount;
        expect(report.rows, name).toBe(expected.rows);
        expect(outcomes, name).toBe(report.rows);
        expect(report.updated, name).toBe(report.changed + report.unchanged);
        const f = report.fatalities;
        expect(f.total, name).toBe(expected.deaths);
        expect(f.imported + f.updated + sum(f.skipped) + f.errors, name).toBe(f.total);
        expect(f.updated, name).toBe(f.changed + f.unchanged);
        // Each skip reason with rows has a death tally, and no reason appears in one and not the other.
        expect(Object.keys(f.skipped).sort(), name).toEqual(Object.keys(report.skipped).sort());
        // What was stored carries exactly the imported deaths.
        const stored = [...sink.records.values()].reduce(
          // Deaths are killed, not specified, or civilians when civilians were the only target.
          (n, i) =>
            n +
            (i.kind === 'incident'
              ? Object.values(i.input.casualties.killed).reduce((s, f) => s + (f.low ?? 0), 0)
              : 0),
          0,
        );
        const inOperations = [...sink.records.values()].filter((i) => i.kind === 'operation').length;
        if (inOperations === 0) expect(stored, name).toBe(f.imported);
      }
    });
  }

  it('a re-import counts every row unchanged, with the same deaths', async () => {
    const sink = new MemorySink((item) =>
      sinkSeen.has(item.externalId) ? 'unchanged' : (sinkSeen.add(item.externalId), 'imported'),
    );
    const sinkSeen = new Set<string>();
    const first = await importAcled({ input: createReadStream(PAKISTAN), sink });
    const second = await importAcled({ input: createReadStream(PAKISTAN), sink });
    expect(second.unchanged).toBe(first.imported);
    expect(second.updated).toBe(first.imported);
    expect(second.fatalities.unchanged).toBe(first.fatalities.imported);
    expect(second.fatalities.total).toBe(first.fatalities.total);
  });
});
