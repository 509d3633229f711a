/**
 * The importer against real ACLED exports, read where they live (../shared/fixtures/real beside the
 * checkout). They are never copied into the repo: ACLED's terms restrict redistribution. Where
 * ../shared is absent (a bare clone) these tests are skipped, not failed.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importAcled } from '../../../core/import/import-file';
import { emptyImportReport } from '../../../core/import/import-report';
import { REFERENCE_GROUPS } from '../../../core/seed/reference-groups';
import { readCsvRecords } from '../../../core/import/csv-records';
import { accounted, MemorySink } from './memory-sink';
import { REAL_FIXTURES } from '../../support/fixtures';

const realDir = REAL_FIXTURES;
const OLD = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');
const BENIN = path.join(realDir, 'acled_2022_benin_newformat_R_export_NA.csv');
const exists = existsSync(OLD) && existsSync(BENIN);

/** An independent count: csv-parse's sync API over the whole file, keyed by header name. */
function records(file: string): Record<string, string>[] {
  return parse(readFileSync(file), {
    columns: true,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

const TTP = {
  id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000001',
  shortName: 'TTP',
  fullName: 'Tehrik-e-Taliban Pakistan',
  aliases: [],
};

describe.skipIf(!exists)('importAcled on real ACLED files (../shared/fixtures/real)', () => {
  it('matches the seeded groups by the names ACLED uses, and lists the names it could not match', async () => {
    const seeded = REFERENCE_GROUPS.map((g, i) => ({
      id: `0b8e6a1c-2f4d-4e5a-9b7c-${String(i + 1).padStart(12, '0')}`,
      shortName: g.shortName,
      fullName: g.fullName,
      aliases: g.aliases ?? [],
    }));
    const idOf = (short: string) => seeded.find((g) => g.shortName === short)!.id;
    const sink = new MemorySink();
    const report = await importAcled({
      input: createReadStream(OLD),
      options: { groups: seeded, operations: true },
      sink,
    });
    const byGroup = new Map<string | null, number>();
    for (const i of sink.records.values()) byGroup.set(i.input.groupId, (byGroup.get(i.input.groupId) ?? 0) + 1);
    for (const short of ['TTP', 'BLA', 'AQ', 'LeI', 'JuA', 'BLF', 'HGB'])
      expect(byGroup.get(idOf(short)) ?? 0, short).toBeGreaterThan(0);
    const unmatched = new Map(report.unmatchedActors.map((a) => [a.name, a.rows]));
    expect([...unmatched.keys()].filter((n) => /TTP|BLA:|AQIS|LeI:|Jamaat-ul-Ahrar|BLF:|Gul Bahadur/.test(n))).toEqual(
      [],
    );
    // ACLED's LeJ here is Lashkar-e-Jabbar, not Lashkar-e-Jhangvi: named, unmatched, not misfiled.
    expect(unmatched.get('LeJ: Lashkar-e-Jabbar')).toBe(13);
    expect(byGroup.get(idOf('LeJ')) ?? 0).toBe(0);
    expect(unmatched.get('Baloch Separatists (Pakistan)')).toBeGreaterThan(0);
    expect([...unmatched.keys()].some((n) => /^Unidentified|^Military Forces|^Civilians/.test(n))).toBe(false);
  });

  it('accounts for every record of the 2015 old-format Pakistan file', async () => {
    const all = records(OLD);
    // Protest events, and violence whose first actor is rioters or protesters (crowd violence).
    const protests = all.filter(
      (r) => /riots|protests/i.test(r.EVENT_TYPE ?? '') || /^[56]$/.test(r.INTER1 ?? ''),
    ).length;
    const sink = new MemorySink();
    const report = await importAcled({ input: createReadStream(OLD), options: { groups: [TTP] }, sink });

    expect(all.length).toBe(1800);
    expect(report.rows).toBe(all.length);
    expect(accounted(report)).toBe(report.rows);
    expect(report.stopped).toBeNull();
    expect(report.errors).toEqual([]);
    expect(report.skipped.protest_or_riot).toBe(protests);
    expect(report.imported).toBeGreaterThan(500);
    expect(sink.violations).toEqual([]);
    expect(Math.max(...sink.batchSizes)).toBeLessThanOrEqual(500);

    const items = [...sink.records.values()];
    expect(items.every((i) => i.kind === 'incident')).toBe(true);
    // Mac Roman mojibake ("TheÊPunjab") is repaired in imported notes.
    expect(items.some((i) => /[A-Za-z]Ê[A-Za-z]/.test(i.input.summary ?? ''))).toBe(false);
    // Old province names land in core provinces.
    const provinces = new Set(items.map((i) => i.input.province));
    expect(provinces).toContain('KP-MD');
    expect(provinces).toContain('ICT');
    expect(items.filter((i) => i.input.groupId === TTP.id).length).toBeGreaterThan(50);
    // A record whose notes span lines keeps its line break.
    expect(sink.records.get('acled:179PAK')?.input.summary).toMatch(/\n/);
  });

  it('reports updated, not imported, when the same file is imported again', async () => {
    const sink = new MemorySink();
    const first = await importAcled({ input: createReadStream(OLD), sink });
    const second = await importAcled({ input: createReadStream(OLD), sink });
    expect(second).toEqual({
      ...first,
      imported: 0,
      updated: first.imported,
      changed: first.imported,
      fatalities: {
        ...first.fatalities,
        imported: 0,
        updated: first.fatalities.imported,
        changed: first.fatalities.imported,
      },
    });
  });

  it('turns counter-terrorism arrests into operations only when asked', async () => {
    const strategic = records(OLD).filter((r) => /strategic/i.test(r.EVENT_TYPE ?? '')).length;
    const sink = new MemorySink();
    const report = await importAcled({ input: createReadStream(OLD), options: { operations: true }, sink });
    const operations = [...sink.records.values()].filter((i) => i.kind === 'operation').length;
    expect(operations).toBeGreaterThan(0);
    const arrests = [...sink.records.values()].filter(
      (i) => i.kind === 'operation' && (i.input.militantsArrested ?? 0) > 0,
    ).length;
    expect(arrests + (report.skipped.strategic_development ?? 0)).toBe(strategic);
    expect(accounted(report)).toBe(report.rows);
  });

  it('gives the physical start line of every record, across multi-line quoted notes', async () => {
    const lines = readFileSync(OLD, 'latin1').split(/\r\n|\r|\n/);
    let checked = 0;
    for await (const event of readCsvRecords(createReadStream(OLD), {
      maxRecordBytes: 1 << 20,
      onBytes: () => undefined,
    })) {
      if (event.kind !== 'record' || event.fields.join('') === '') continue;
      expect(lines[event.line - 1]?.startsWith(`${event.fields[0]},${event.fields[1]},`)).toBe(true);
      checked += 1;
    }
    expect(checked).toBe(1801); // header + 1800 records
  });

  it('reports the line of each refused row', async () => {
    const lines = readFileSync(OLD, 'latin1').split(/\r\n|\r|\n/);
    const sink = new MemorySink((item) => ({ error: item.externalId }));
    const report = await importAcled({ input: createReadStream(OLD), sink, options: { maxErrors: 5000 } });
    expect(report.errorCount).toBe(report.rows - Object.values(report.skipped).reduce((a, b) => a + b, 0));
    for (const { line, message } of report.errors) {
      const id = message.replace('not saved: acled:', '');
      expect(lines[line - 1]).toMatch(new RegExp(`^770,${id},`));
    }
  });

  it('skips every row of the Benin current-format file as out of scope', async () => {
    const all = records(BENIN);
    const sink = new MemorySink();
    const report = await importAcled({ input: createReadStream(BENIN), sink });
    expect(all.length).toBe(811);
    const deaths = all.reduce((n, r) => n + Number(r.fatalities), 0);
    expect(report).toEqual({
      ...emptyImportReport(),
      format: 'acled',
      rows: all.length,
      skipped: { country_not_covered: all.length },
      fatalities: { ...emptyImportReport().fatalities, total: deaths, skipped: { country_not_covered: deaths } },
    });
    expect(sink.batchSizes).toEqual([]);
  });

  it('imports the Benin layout (NA values, "28 December 2022" dates) once the rows are in scope', async () => {
    // Same bytes with the country swapped: exercises the current 31-column layout end to end.
    const text = readFileSync(BENIN, 'utf8').replace(/,Benin,([^,]*),/g, ',Pakistan,Punjab,');
    const count = (pattern: RegExp) => records(BENIN).filter((r) => pattern.test(r.event_type ?? '')).length;
    const sink = new MemorySink();
    const report = await importAcled({ input: [text], sink });
    expect(report.rows).toBe(811);
    expect(report.errors).toEqual([]);
    const violent = count(/^(Battles|Explosions\/Remote violence|Violence against civilians)$/);
    // Violent events are incidents, except where the table says operation (state strikes, state
    // arrests of militants) or skip (both sides one state's forces, e.g. police against army).
    const notIncidents = (report.skipped.operation_not_requested ?? 0) + (report.skipped.state_forces_only ?? 0);
    expect(report.imported).toBe(
      violent + count(/^Strategic developments$/) - notIncidents - report.skipped.strategic_development!,
    );
    expect(report.skipped.protest_or_riot).toBe(count(/^(Protests|Riots)$/));
    const kidnappings = [...sink.records.values()].filter(
      (i) => i.kind === 'incident' && i.input.type === 'kidnapping',
    );
    expect(kidnappings).toHaveLength(
      records(BENIN).filter((r) => r.sub_event_type === 'Abduction/forced disappearance').length,
    );
  });
});
