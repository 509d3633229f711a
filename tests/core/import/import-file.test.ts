/**
 * The import framework: the adapter is picked from the header (or named), a file of none of the
 * formats is refused with each one's reason, and rows handed over as objects (an API's records)
 * take the same path as a file's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importRows } from '../../../core/import/import-file';
import { isUnusableFile } from '../../../core/import/import-report';
import { accounted, MemorySink } from './memory-sink';
import { REAL_FIXTURES } from '../../support/fixtures';

const realDir = REAL_FIXTURES;
const SUICIDE = path.join(realDir, 'pakistan_suicide_attacks_1995_2017_cleaned.csv');

const GROUPS = [
  { id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000001', shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan', aliases: [] },
];
const options = { groups: GROUPS, now: () => new Date('2025-01-01T00:00:00Z') };

const ACLED =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,country,admin1,admin2,location,fatalities\n' +
  'PAK1,2 March 2024,Explosions/Remote violence,Remote explosive/landmine/IED,TTP: Tehrik-i-Taliban Pakistan,2,Pakistan,Khyber Pakhtunkhwa,Bannu,Bannu,3\n';

describe('the import framework', () => {
  it('picks ACLED from the header and reports the format', async () => {
    const sink = new MemorySink();
    const report = await importFile({ input: [ACLED], options, sink });
    expect(report).toMatchObject({ format: 'acled', rows: 1, imported: 1 });
    expect(report.fatalities.total).toBe(3);
    expect([...sink.records.keys()]).toEqual(['acled:PAK1']);
  });

  it('refuses a file of another format when one is named', async () => {
    const report = await importFile({ input: ['a,b\n1,2\n'], format: 'acled', options, sink: new MemorySink() });
    expect(report.format).toBeNull();
    expect(report.stopped?.message).toMatch(/^not an ACLED file/);
    expect(isUnusableFile(report)).toBe(true);
  });

  it.skipIf(!existsSync(SUICIDE))('refuses a file of none of the formats with each one’s reason', async () => {
    const sink = new MemorySink();
    const report = await importFile({ input: [readFileSync(SUICIDE)], options, sink });
    expect(isUnusableFile(report)).toBe(true);
    expect(report).toMatchObject({ format: null, rows: 0, imported: 0 });
    expect(report.stopped).toMatchObject({ line: 1 });
    expect(report.stopped!.message).toMatch(/^not a file this importer reads \(ACLED/);
    expect(report.stopped!.message).toMatch(/event_id_cnty/);
    expect(sink.records.size).toBe(0);
  });

  it('reads LF, CRLF and CR files, with or without a BOM, the same', async () => {
    const reports = [];
    for (const text of [ACLED, ACLED.replace(/\n/g, '\r\n'), ACLED.replace(/\n/g, '\r'), `\uFEFF${ACLED}`]) {
      const sink = new MemorySink();
      reports.push(await importFile({ input: [Buffer.from(text, 'utf8')], options, sink }));
      expect(sink.records.get('acled:PAK1')?.input.groupId).toBe(GROUPS[0]!.id);
    }
    for (const r of reports) expect(r).toMatchObject({ format: 'acled', rows: 1, imported: 1, errorCount: 0 });
  });

  it('converts a windows-1252 record (bytes that are not UTF-8)', async () => {
    const text = ACLED.replace('Bannu,Bannu', 'Bannu,Bann\u00fb \u2013 town');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, text.indexOf('\u00fb')), 'latin1'),
      Buffer.from([0xfb, 0x20, 0x96]),
      Buffer.from(text.slice(text.indexOf('\u2013') + 1), 'latin1'),
    ]);
    const sink = new MemorySink();
    await importFile({ input: [bytes], options, sink });
    expect(sink.records.get('acled:PAK1')?.input.place).toBe('Bann\u00fb \u2013 town');
  });

  it('imports rows given as objects through the same path (a sync’s records)', async () => {
    const sink = new MemorySink();
    const row = {
      event_id_cnty: 'PAK2',
      event_date: '2024-03-02',
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: 'Military Forces of Pakistan (2018-)',
      inter1: 1,
      actor2: 'TTP: Tehrik-i-Taliban Pakistan',
      inter2: 2,
      country: 'Pakistan',
      admin1: 'Khyber Pakhtunkhwa',
      admin2: 'Bannu',
      fatalities: 4,
      notes: null,
    };
    const report = await importRows({
      rows: [row, { ...row, event_id_cnty: 'PAK3', fatalities: 'x' }],
      format: 'acled',
      options,
      sink,
    });
    expect(report).toMatchObject({ format: 'acled', rows: 2, imported: 1, errorCount: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/fatalities/) });
    expect(accounted(report)).toBe(report.rows);
    expect(sink.records.get('acled:PAK2')?.input).toMatchObject({ category: 'clash', groupId: GROUPS[0]!.id });
  });
});
