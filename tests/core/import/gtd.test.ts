/**
 * GTD: the real Pakistan extract and the 135-column distribution's header (../shared/fixtures/real,
 * read where they live), one test per mapping rule, and the death accounting property.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { IncidentFields } from '../../../core/incident/schema';
import { importFile } from '../../../core/import/import-file';
import { REFERENCE_GROUPS } from '../../../core/seed/reference-groups';
import { accounted, MemorySink } from './memory-sink';
import { REAL_FIXTURES } from '../../support/fixtures';

const realDir = REAL_FIXTURES;
const DERIVED = path.join(realDir, 'gtd_derived_pakistan_2007_2018_processed_from_parquet.csv');
const DIST = path.join(realDir, 'gtd_0718dist_header_plus_5_rows_TRANSCRIBED.csv');
const haveFixtures = existsSync(DERIVED) && existsSync(DIST);

const groups = REFERENCE_GROUPS.map((g, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  shortName: g.shortName,
  fullName: g.fullName,
  aliases: g.aliases ?? [],
}));
const idOf = (short: string) => groups.find((g) => g.shortName === short)!.id;
const options = { groups, now: () => new Date('2025-01-01T00:00:00Z') };

/** A 135-column row: the distribution's header, every cell empty but those given. */
function distCsv(rows: Record<string, string>[]): string {
  const header = readFileSync(DIST, 'utf8').split(/\r?\n/)[0]!;
  const names = header.split(',');
  const base: Record<string, string> = {
    iyear: '2014',
    imonth: '6',
    iday: '8',
    country: '153',
    country_txt: 'Pakistan',
    provstate: 'Sindh',
    city: 'Karachi',
    latitude: '24.89',
    longitude: '67.16',
    specificity: '1',
    doubtterr: '0',
    attacktype1: '2',
    attacktype1_txt: 'Armed Assault',
    targtype1: '6',
    targtype1_txt: 'Airports & Aircraft',
    gname: 'Tehrik-i-Taliban Pakistan (TTP)',
    guncertain1: '0',
    claimed: '1',
    weaptype1: '5',
    weaptype1_txt: 'Firearms',
    nkill: '36',
    nkillter: '10',
    nwound: '18',
    nwoundte: '0',
    summary: '06/08/2014: Assailants attacked Jinnah International Airport in Karachi.',
    scite1: 'Dawn, 2014-06-09',
  };
  const line = (r: Record<string, string>) =>
    names.map((n) => {
      const v = { ...base, ...r }[n] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    });
  return [header, ...rows.map((r) => line(r).join(','))].join('\n') + '\n';
}

async function dist(rows: Record<string, string>[]) {
  const sink = new MemorySink();
  const report = await importFile({ input: [distCsv(rows)], options, sink });
  return { report, get: (id: string) => sink.records.get(`gtd:${id}`)?.input as IncidentFields | undefined };
}

const killed = (i: IncidentFields | undefined) =>
  Object.fromEntries(Object.entries(i!.casualties.killed).map(([k, v]) => [k, v.low]));

describe.skipIf(!haveFixtures)('GTD import', () => {
  it('reads the 135-column distribution: the five 1970 rows are out of scope, every death counted', async () => {
    const sink = new MemorySink();
    const report = await importFile({ input: createReadStream(DIST), options, sink });
    expect(report).toMatchObject({ format: 'gtd', rows: 5, skipped: { country_not_covered: 5 }, errorCount: 0 });
    const all = parse(readFileSync(DIST), { columns: true }) as Record<string, string>[];
    expect(report.fatalities.total).toBe(all.reduce((n, r) => n + Number(r.nkill || 0), 0));
  });

  it('eventid is the source id; the perpetrator matched through GTD’s name; claimed; doubtterr kept', async () => {
    const { get } = await dist([{ eventid: '201406080001' }]);
    const i = get('201406080001')!;
    expect(i).toMatchObject({
      category: 'attack',
      type: 'armed_assault',
      targetType: 'infrastructure',
      groupId: idOf('TTP'),
      claimed: true,
      occurredAt: '2014-06-08',
      timePrecision: 'day',
      occurredUntil: null,
      geoPrecision: 'exact',
      province: 'Sindh',
      place: 'Karachi',
    });
    expect(i.actors).toEqual([{ role: 'perpetrator', name: 'Tehrik-i-Taliban Pakistan (TTP)', inter: null }]);
    expect(i.sourceFields).toMatchObject({ doubtterr: 0, attacktype1_txt: 'Armed Assault', weaptype1_txt: 'Firearms' });
  });

  it('day 0 is the month (its span), month 0 the year', async () => {
    const { get } = await dist([
      { eventid: '201406000001', iday: '0' },
      { eventid: '201400000001', imonth: '0', iday: '0' },
    ]);
    expect(get('201406000001')).toMatchObject({
      occurredAt: '2014-06-01',
      occurredUntil: '2014-06-30',
      timePrecision: 'month',
    });
    expect(get('201400000001')).toMatchObject({
      occurredAt: '2014-01-01',
      occurredUntil: '2014-12-31',
      timePrecision: 'month',
    });
  });

  it('perpetrators killed are militants; the rest by the targets: civilians, security forces, else not specified', async () => {
    const { get } = await dist([
      { eventid: '1', targtype1: '14', targtype1_txt: 'Private Citizens & Property', nkill: '9', nkillter: '1' },
      {
        eventid: '2',
        targtype1: '4',
        targtype1_txt: 'Military',
        targtype2: '3',
        targtype2_txt: 'Police',
        nkill: '5',
        nkillter: '2',
      },
      {
        eventid: '3',
        targtype1: '4',
        targtype1_txt: 'Military',
        targtype2: '14',
        targtype2_txt: 'Private Citizens & Property',
        nkill: '5',
        nkillter: '0',
      },
      { eventid: '4', nkill: '7', nkillter: '' },
      { eventid: '5', nkill: '', nkillter: '', nwound: '', nwoundte: '' },
    ]);
    expect(killed(get('1'))).toEqual({ civilians: 8, security_forces: null, militants: 1, not_specified: null });
    expect(killed(get('2'))).toEqual({ civilians: null, security_forces: 3, militants: 2, not_specified: null });
    expect(killed(get('3'))).toEqual({ civilians: null, security_forces: null, militants: 0, not_specified: 5 });
    // Perpetrator deaths unknown: nobody's share can be told.
    expect(killed(get('4'))).toEqual({ civilians: null, security_forces: null, militants: null, not_specified: 7 });
    // Empty nkill: not reported, not 0.
    expect(Object.values(get('5')!.casualties.killed).every((f) => f.low === null)).toBe(true);
    expect(get('1')!.casualties.injured.not_specified).toEqual({ low: null, high: null });
    expect(get('1')!.casualties.injured.civilians).toEqual({ low: 18, high: null });
  });

  it('attack types: bombing, suicide bombing, projectiles, assassination, kidnapping, infrastructure', async () => {
    const { get } = await dist([
      { eventid: '11', attacktype1: '3', attacktype1_txt: 'Bombing/Explosion', suicide: '0' },
      { eventid: '12', attacktype1: '3', attacktype1_txt: 'Bombing/Explosion', suicide: '1' },
      { eventid: '13', attacktype1: '3', weapsubtype1_txt: 'Projectile (rockets, mortars, RPGs, etc.)' },
      { eventid: '14', attacktype1: '1' },
      { eventid: '15', attacktype1: '6' },
      { eventid: '16', attacktype1: '7' },
    ]);
    expect(['11', '12', '13', '14', '15', '16'].map((id) => get(id)?.type)).toEqual([
      'ied_explosive',
      'suicide_bombing',
      'rocket_mortar_shelling',
      'targeted_killing',
      'kidnapping',
      'infrastructure_sabotage',
    ]);
  });

  it('a suspected perpetrator (guncertain1 = 1) is kept but credited to no group; gname2/gname3 kept too', async () => {
    const { get, report } = await dist([
      { eventid: '21', guncertain1: '1', gname2: 'Lashkar-e-Jhangvi', guncertain2: '0' },
      { eventid: '22', gname: 'Khorasan Chapter of the Islamic State' },
      { eventid: '23', gname: 'Baloch Republican Army (BRA)' },
    ]);
    expect(get('21')).toMatchObject({ groupId: null });
    expect(get('21')!.actors).toEqual([
      { role: 'perpetrator', name: 'Tehrik-i-Taliban Pakistan (TTP)', inter: 'suspected' },
      { role: 'perpetrator', name: 'Lashkar-e-Jhangvi', inter: null },
    ]);
    expect(get('22')?.groupId).toBe(idOf('ISIL-K'));
    expect(report.unmatchedActors).toEqual([{ name: 'Baloch Republican Army (BRA)', rows: 1 }]);
  });

  it('skips other countries and Afghan provinces away from the border; names the cell of a bad row', async () => {
    const { report } = await dist([
      { eventid: '31', country: '92', country_txt: 'India', provstate: 'Jammu and Kashmir' },
      { eventid: '32', country: '4', country_txt: 'Afghanistan', provstate: 'Herat' },
      { eventid: '33', country: '4', country_txt: 'Afghanistan', provstate: 'Nangarhar' },
      { eventid: '34', iday: '31' },
      { eventid: '35', nkill: '3', nkillter: '4' },
    ]);
    expect(report.skipped).toEqual({ country_not_covered: 1, outside_border_region: 1 });
    expect(report.imported).toBe(1);
    expect(report.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/iday "31" is not a day of 2014-06/),
      expect.stringMatching(/nkillter \(4\) is more than nkill \(3\)/),
    ]);
  });

  it('imports the real Pakistan extract: every row and every death accounted for, by outcome and by side', async () => {
    const all = parse(readFileSync(DERIVED), { columns: true }) as Record<string, string>[];
    const fileDeaths = all.reduce((n, r) => n + Number(r.nkill || 0), 0);
    const fileTer = all.reduce((n, r) => n + Number(r.nkillter || 0), 0);
    const sink = new MemorySink();
    const report = await importFile({ input: createReadStream(DERIVED), options, sink });
    expect(report).toMatchObject({ format: 'gtd', rows: all.length, errorCount: 0, skipped: {} });
    expect(accounted(report)).toBe(report.rows);
    const f = report.fatalities;
    expect(f.total).toBe(fileDeaths);
    expect(f.imported + f.updated + Object.values(f.skipped).reduce((a, b) => a + b, 0) + f.errors).toBe(f.total);
    // The sides add up to the file's deaths: nothing lost or invented in the split.
    const sides = { civilians: 0, security_forces: 0, militants: 0, not_specified: 0 };
    for (const item of sink.records.values())
      for (const [c, v] of Object.entries((item.input as IncidentFields).casualties.killed))
        sides[c as keyof typeof sides] += v.low ?? 0;
    expect(Object.values(sides).reduce((a, b) => a + b, 0)).toBe(fileDeaths);
    expect(sides.militants).toBe(fileTer);
    // No eventid: each row keyed by its content; identical rows stay distinct events.
    expect(sink.records.size).toBe(all.length);
    expect([...sink.records.keys()].every((k) => /^gtd:row-[0-9a-f]{20}(-\d+)?$/.test(k))).toBe(true);
    // Re-reading the same file gives the same ids.
    const again = new MemorySink();
    await importFile({ input: createReadStream(DERIVED), options, sink: again });
    expect([...again.records.keys()]).toEqual([...sink.records.keys()]);
  });
});
