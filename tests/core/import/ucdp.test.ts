/**
 * UCDP GED rows built from the codebook (several releases' layouts): one test per mapping rule, the
 * death accounting property, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { casualtyTotals, type IncidentFields } from '../../../core/incident/schema';
import { importFile } from '../../../core/import/import-file';
import { accounted, MemorySink } from './memory-sink';
import { ucdpCsv, ucdpRow } from './ucdp-csv';

const TTP = {
  id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000001',
  shortName: 'TTP',
  fullName: 'Tehrik-e-Taliban Pakistan',
  aliases: [],
};
const ISK = {
  id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000002',
  shortName: 'ISKP',
  fullName: 'Islamic State Khorasan Province',
  aliases: ['IS', 'Islamic State'],
};
const options = { groups: [TTP, ISK], now: () => new Date('2025-01-01T00:00:00Z') };

async function run(rows: string[], format?: 'ucdp') {
  const sink = new MemorySink();
  const report = await importFile({ input: [ucdpCsv(rows)], format, options, sink });
  const get = (id: number) => sink.records.get(`ucdp:${id}`)?.input as IncidentFields | undefined;
  return { report, sink, get };
}

const killed = (i: IncidentFields | undefined) =>
  Object.fromEntries(Object.entries(i!.casualties.killed).map(([k, v]) => [k, [v.low, v.high]]));

describe('UCDP GED import', () => {
  it('is picked from its header and keyed by the source and its id', async () => {
    const { report, sink } = await run([ucdpRow(101)]);
    expect(report).toMatchObject({ format: 'ucdp', rows: 1, imported: 1, errorCount: 0 });
    expect([...sink.records.keys()]).toEqual(['ucdp:101']);
  });

  it('state-based, government against a group: a clash, side A’s deaths security forces, side B’s militants', async () => {
    const { get } = await run([ucdpRow(1)]);
    const i = get(1)!;
    expect(i).toMatchObject({ category: 'clash', type: 'clash', groupId: TTP.id, targetType: 'security_forces' });
    expect(killed(i)).toEqual({
      security_forces: [2, null],
      militants: [5, null],
      civilians: [1, null],
      not_specified: [0, 2],
    });
    expect(i.actors).toEqual([
      { role: 'actor1', name: 'Government of Pakistan', inter: null },
      { role: 'actor2', name: 'TTP', inter: null },
    ]);
    // Injured: UCDP counts deaths only.
    expect(Object.values(i.casualties.injured).every((f) => f.low === null)).toBe(true);
  });

  it('best is the figure shown; the categories’ range sums to UCDP’s best–high; best, low and high kept verbatim', async () => {
    const { get } = await run([ucdpRow(2, { best: '8', low: '6', high: '15' })]);
    const totals = casualtyTotals(get(2)!.casualties).killed;
    expect(totals).toMatchObject({ low: 8, high: 15, reported: true });
    expect(get(2)!.sourceFields).toMatchObject({ best: 8, low: 6, high: 15, type_of_violence: 1 });
  });

  it('government against government of another country: interstate, both sides’ deaths security forces', async () => {
    const { get } = await run([
      ucdpRow(3, {
        side_b: 'Government of India',
        deaths_a: '1',
        deaths_b: '2',
        deaths_civilians: '0',
        best: '3',
        high: '3',
        low: '3',
      }),
    ]);
    expect(get(3)).toMatchObject({ category: 'interstate', type: 'cross_border', groupId: null });
    expect(killed(get(3))).toMatchObject({ security_forces: [3, null], militants: [0, null] });
  });

  it('non-state: an attack by side A, both sides’ deaths militants', async () => {
    const { get } = await run([
      ucdpRow(4, {
        type_of_violence: '2',
        side_a: 'IS',
        side_b: 'TTP',
        deaths_a: '3',
        deaths_b: '4',
        deaths_civilians: '0',
        best: '7',
        high: '7',
        low: '7',
      }),
    ]);
    expect(get(4)).toMatchObject({ category: 'attack', groupId: ISK.id, targetType: 'other' });
    expect(killed(get(4))).toMatchObject({ militants: [7, null], civilians: [0, null] });
  });

  it('one-sided by a group: an attack on civilians; by the government: state violence', async () => {
    const { get } = await run([
      ucdpRow(5, {
        type_of_violence: '3',
        side_a: 'TTP',
        side_b: 'Civilians',
        deaths_a: '0',
        deaths_b: '0',
        deaths_civilians: '12',
        best: '12',
        high: '14',
        low: '12',
      }),
      ucdpRow(6, {
        type_of_violence: '3',
        side_b: 'Civilians',
        deaths_a: '0',
        deaths_b: '0',
        deaths_civilians: '2',
        best: '2',
        high: '2',
        low: '2',
      }),
    ]);
    expect(get(5)).toMatchObject({ category: 'attack', groupId: TTP.id, targetType: 'civilians' });
    expect(killed(get(5))).toMatchObject({ civilians: [12, null], not_specified: [0, 2] });
    expect(get(6)).toMatchObject({ category: 'state_violence', groupId: null, targetType: 'civilians' });
  });

  it('date_prec to time precision, and a multi-day event keeps its span', async () => {
    const { get } = await run([
      ucdpRow(7, { date_prec: '1' }),
      ucdpRow(8, { date_prec: '2', date_start: '2016-01-02', date_end: '2016-01-06' }),
      ucdpRow(9, { date_prec: '3', date_start: '2016-01-02', date_end: '2016-01-08' }),
      ucdpRow(10, { date_prec: '4', date_start: '2016-01-01', date_end: '2016-01-31' }),
      ucdpRow(11, { date_prec: '5', date_start: '2016-01-01', date_end: '2016-12-31' }),
    ]);
    expect(get(7)).toMatchObject({ timePrecision: 'day', occurredAt: '2016-01-02', occurredUntil: null });
    expect(get(8)).toMatchObject({ timePrecision: 'week', occurredAt: '2016-01-02', occurredUntil: '2016-01-06' });
    expect(get(9)).toMatchObject({ timePrecision: 'week', occurredUntil: '2016-01-08' });
    expect(get(10)).toMatchObject({ timePrecision: 'month', occurredUntil: '2016-01-31' });
    expect(get(11)).toMatchObject({ timePrecision: 'month', occurredUntil: '2016-12-31' });
  });

  it('where_prec to place precision; adm_1/adm_2 with UCDP’s “province”/“agency” words', async () => {
    const { get } = await run([
      ucdpRow(12, { where_prec: '1' }),
      ucdpRow(13, { where_prec: '2' }),
      ucdpRow(14, { where_prec: '3', adm_1: 'Khyber Pakhtunkhwa province', adm_2: 'Peshawar district' }),
      ucdpRow(15, { where_prec: '4', adm_1: 'Balochistan province', adm_2: '' }),
      ucdpRow(16, { where_prec: '6', adm_1: 'Punjab province', adm_2: '' }),
    ]);
    expect(get(12)).toMatchObject({ geoPrecision: 'exact', province: 'KP-MD', district: 'North Waziristan' });
    expect(get(13)?.geoPrecision).toBe('near');
    expect(get(14)).toMatchObject({ geoPrecision: 'district', province: 'KP', district: 'Peshawar' });
    expect(get(15)).toMatchObject({ geoPrecision: 'province', province: 'Balochistan', district: null });
    expect(get(16)).toMatchObject({ geoPrecision: 'province', province: 'Punjab' });
  });

  it('reads an older release: upper-case header, best_est/low_est/high_est, no death split', async () => {
    const csv =
      'ID,YEAR,TYPE_OF_VIOLENCE,SIDE_A,SIDE_B,DATE_PREC,DATE_START,DATE_END,WHERE_PREC,ADM_1,ADM_2,LATITUDE,LONGITUDE,COUNTRY,BEST_EST,LOW_EST,HIGH_EST\r\n' +
      '55,2009,1,Government of Pakistan,TTP,1,2009-05-10,2009-05-10,3,NWFP,Swat,34.8,72.3,Pakistan,20,15,30\r\n';
    const sink = new MemorySink();
    const report = await importFile({ input: [csv], options, sink });
    expect(report).toMatchObject({ format: 'ucdp', imported: 1, errorCount: 0 });
    const i = sink.records.get('ucdp:55')!.input as IncidentFields;
    expect(killed(i)).toMatchObject({ not_specified: [20, 30], security_forces: [0, null] });
    expect(i.sourceFields).toMatchObject({ best: 20, low: 15, high: 30 });
  });

  it('matches the side to groups through aliases; names no group knows are listed', async () => {
    const { report, get } = await run([
      ucdpRow(17, { side_b: 'Lashkar-e-Islam' }),
      ucdpRow(18, { side_b: 'Islamic State' }),
    ]);
    expect(get(17)?.groupId).toBeNull();
    expect(get(18)?.groupId).toBe(ISK.id);
    expect(report.unmatchedActors).toEqual([{ name: 'Lashkar-e-Islam', rows: 1 }]);
  });

  it('skips other countries and Afghan provinces away from the border; same-government fighting', async () => {
    const { report } = await run([
      ucdpRow(19, { country: 'India', country_id: '750', adm_1: 'Jammu and Kashmir state' }),
      ucdpRow(20, {
        country: 'Afghanistan',
        country_id: '700',
        adm_1: 'Herat province',
        side_a: 'Government of Afghanistan',
        side_b: 'Taleban',
      }),
      ucdpRow(21, { side_b: 'Government of Pakistan' }),
    ]);
    expect(report.skipped).toEqual({ country_not_covered: 1, outside_border_region: 1, state_forces_only: 1 });
    expect(report.fatalities.skipped).toEqual({
      country_not_covered: 8,
      outside_border_region: 8,
      state_forces_only: 8,
    });
  });

  it('names the cell of a bad row, and keeps counting its deaths', async () => {
    const { report } = await run([
      ucdpRow(22, { type_of_violence: '4' }),
      ucdpRow(23, { deaths_b: '50' }),
      ucdpRow(24, { date_start: '2016-02-30' }),
      ucdpRow(25, { high: '3' }),
    ]);
    expect(report.errorCount).toBe(4);
    expect(report.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/type_of_violence "4" is not 1/),
      expect.stringMatching(/deaths_a \+ deaths_b .* \(53\) is more than best \(8\)/),
      expect.stringMatching(/date_start: .*not a real calendar date/),
      expect.stringMatching(/high \(3\) is below best \(8\)/),
    ]);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(report.fatalities.errors).toBe(32);
  });

  it('accounts for every row and every death by outcome (the file total)', async () => {
    const rows = Array.from({ length: 60 }, (_, n) =>
      ucdpRow(1000 + n, {
        type_of_violence: String((n % 4) + 1),
        country: n % 7 === 0 ? 'India' : 'Pakistan',
        best: String(n),
        high: String(n + 2),
        deaths_a: '0',
        deaths_b: '0',
        deaths_civilians: '0',
        deaths_unknown: String(n),
      }),
    );
    const { report } = await run(rows, 'ucdp');
    expect(accounted(report)).toBe(report.rows);
    const f = report.fatalities;
    expect(f.imported + f.updated + Object.values(f.skipped).reduce((a, b) => a + b, 0) + f.errors).toBe(f.total);
    expect(f.total).toBe((59 * 60) / 2);
  });
});
