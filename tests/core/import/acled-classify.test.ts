/**
 * The classification table (docs/adr/0015-event-classification.md), one case per rule, with real
 * rows of ../shared/fixtures/real: the 2015 old-format Pakistan file (numeric inter codes, no
 * sub-event types) and the 2022 current-layout Benin file. Benin rows are classified with their own
 * country (the table is country-blind; the importer's scope check is separate). Rules no fixture row
 * exercises use a real row with one side changed, and say so.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAcledRow, stateCountry, type ClassRule } from '../../../core/import/acled-classify';
import { acledRowFromFields, matchAcledHeader, type AcledRow } from '../../../core/import/acled-columns';
import { mapAcledRow } from '../../../core/import/acled-row';
import { readCsvRecords } from '../../../core/import/csv-records';
import { REAL_FIXTURES } from '../../support/fixtures';

const realDir = REAL_FIXTURES;
const PAKISTAN = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');
const BENIN = path.join(realDir, 'acled_2022_benin_newformat_R_export_NA.csv');
const exists = existsSync(PAKISTAN) && existsSync(BENIN);

/** The file's rows by event id, read the way the importer reads them. */
async function rowsById(file: string): Promise<Map<string, AcledRow>> {
  const out = new Map<string, AcledRow>();
  let index: ReturnType<typeof matchAcledHeader> | undefined;
  for await (const e of readCsvRecords(createReadStream(file), { maxRecordBytes: 1 << 20, onBytes: () => {} })) {
    if (e.kind !== 'record') continue;
    if (!index) {
      index = matchAcledHeader(e.fields);
      continue;
    }
    if (!index.ok) throw new Error(index.message);
    const row = acledRowFromFields(index.index, e.fields);
    out.set(row.event_id_cnty!, row);
  }
  return out;
}

const TTP = {
  id: '0b8e6a1c-2f4d-4e5a-9b7c-000000000001',
  shortName: 'TTP',
  fullName: 'Tehrik-e-Taliban Pakistan',
  aliases: [],
};

type Case = [id: string, rule: ClassRule, outcome: Record<string, unknown>, note?: string];

// Event id → the rule that decides it and its outcome.
const PAKISTAN_CASES: Case[] = [
  ['1PAK', 'protest_event', { outcome: 'skip', reason: 'protest_or_riot' }],
  ['1113PAK', 'crowd_actor', { outcome: 'skip', reason: 'protest_or_riot' }, 'rioters attacking police'],
  ['236PAK', 'armed_vs_state_battle', { outcome: 'incident', category: 'clash', militant: 1 }],
  ['28PAK', 'armed_attack', { outcome: 'incident', category: 'attack', perpetrator: 1 }],
  ['2PAK', 'armed_attack', { outcome: 'incident', category: 'attack', perpetrator: 1 }, 'a bomb on the army'],
  ['179PAK', 'state_vs_state_other_country', { outcome: 'incident', category: 'interstate' }, 'India–Pakistan'],
  ['1329PAK', 'state_vs_state_other_country', { outcome: 'incident', category: 'interstate' }],
  ['15PAK', 'foreign_state_vs_unarmed', { outcome: 'incident', category: 'interstate' }, 'Indian fire, civilians hit'],
  ['1470PAK', 'foreign_state_vs_unarmed', { outcome: 'incident', category: 'interstate' }, 'Iranian fire, no target'],
  ['1234PAK', 'foreign_state_vs_unarmed', { outcome: 'incident', category: 'interstate' }, 'civilians coded first'],
  ['27PAK', 'state_vs_armed_battle', { outcome: 'incident', category: 'clash', militant: 2 }],
  ['11PAK', 'state_vs_armed_strike', { outcome: 'operation', agency: 1, target: 2 }],
  ['83PAK', 'state_vs_armed_strike', { outcome: 'operation', agency: 1, target: 2 }, 'a US drone strike'],
  ['311PAK', 'state_vs_civilians', { outcome: 'incident', category: 'state_violence' }],
  ['1214PAK', 'strategic_arrest', { outcome: 'operation', agency: 1, target: 2 }, '"apprehended" in the notes'],
  ['1040PAK', 'strategic_other', { outcome: 'skip', reason: 'strategic_development' }, 'a surrender'],
  ['1768PAK', 'strategic_other', { outcome: 'skip', reason: 'strategic_development' }, 'a state visit'],
];

const BENIN_CASES: Case[] = [
  ['BEN784', 'protest_event', { outcome: 'skip', reason: 'protest_or_riot' }],
  ['BEN772', 'armed_vs_state_battle', { outcome: 'incident', category: 'clash', militant: 1 }, 'text era layout'],
  ['BEN741', 'armed_attack', { outcome: 'incident', category: 'attack', perpetrator: 1 }],
  ['BEN309', 'armed_attack', { outcome: 'incident', category: 'attack', perpetrator: 1 }, 'private guards (8)'],
  ['BEN421', 'armed_attack', { outcome: 'incident', category: 'attack', perpetrator: 1 }, 'code 8, not a state'],
  ['BEN668', 'state_vs_state_other_country', { outcome: 'incident', category: 'interstate' }, 'Benin–Nigeria'],
  ['BEN596', 'state_vs_state_same_country', { outcome: 'skip', reason: 'state_forces_only' }],
  ['BEN520', 'state_vs_armed_battle', { outcome: 'incident', category: 'clash', militant: 2 }],
  ['BEN871', 'state_vs_civilians', { outcome: 'incident', category: 'state_violence' }],
  ['BEN793', 'strategic_arrest', { outcome: 'operation', agency: 1, target: 2 }],
  ['BEN862', 'strategic_other', { outcome: 'skip', reason: 'strategic_development' }, 'arrest of civilians'],
  ['BEN892', 'strategic_other', { outcome: 'skip', reason: 'strategic_development' }, 'displacement'],
];

describe.skipIf(!exists)('event classification, one rule per case, real rows', () => {
  it.each(PAKISTAN_CASES)('Pakistan %s → %s %o %s', async (id, rule, outcome) => {
    const row = (await pakistan()).get(id)!;
    expect(row, id).toBeDefined();
    expect(classifyAcledRow(row, 'Pakistan')).toEqual({ rule, class: outcome });
  });

  it.each(BENIN_CASES)('Benin %s → %s %o %s', async (id, rule, outcome) => {
    const row = (await benin()).get(id)!;
    expect(row, id).toBeDefined();
    expect(classifyAcledRow(row, 'Benin')).toEqual({ rule, class: outcome });
  });

  it('rules no fixture row has: a real row with one side changed', async () => {
    const strike = (await pakistan()).get('11PAK')!;
    expect(classifyAcledRow({ ...strike, actor2: undefined, inter2: '0' }, 'Pakistan')).toEqual({
      rule: 'state_alone',
      class: { outcome: 'operation', agency: 1, target: null },
    });
    const attack = (await pakistan()).get('28PAK')!;
    const swapped = {
      ...attack,
      actor1: attack.actor2,
      inter1: attack.inter2,
      actor2: attack.actor1,
      inter2: attack.inter1,
    };
    expect(classifyAcledRow(swapped, 'Pakistan')).toEqual({
      rule: 'unarmed_vs_armed',
      class: { outcome: 'incident', category: 'attack', perpetrator: 2 },
    });
    const civilians = { ...(await benin()).get('BEN871')!, actor1: 'Civilians (Benin)', inter1: 'Civilians' };
    expect(classifyAcledRow(civilians, 'Benin')).toEqual({
      rule: 'no_armed_actor',
      class: { outcome: 'skip', reason: 'no_armed_actor' },
    });
  });

  it('reads inter codes written as text (2024+ exports) as their digits', async () => {
    const clash = (await benin()).get('BEN772')!;
    const text = { ...clash, inter1: 'Rebel group', inter2: 'State forces' };
    expect(classifyAcledRow(text, 'Benin')).toEqual(classifyAcledRow(clash, 'Benin'));
    const interstate = { ...(await benin()).get('BEN668')!, inter1: 'State forces', inter2: 'External/Other forces' };
    expect(classifyAcledRow(interstate, 'Benin').class).toEqual({ outcome: 'incident', category: 'interstate' });
  });

  it('names the state from the actor name', () => {
    expect(stateCountry('Military Forces of Pakistan (2018-)')).toBe('Pakistan');
    expect(stateCountry('Police Forces of Benin (2016-) Forest Guards')).toBe('Benin');
    expect(stateCountry('Military Forces of the United States of America')).toBe('United States of America');
    expect(stateCountry('Government of the Islamic Republic of Pakistan')).toBe('Pakistan');
    expect(stateCountry('TTP: Tehreek-i-Taliban Pakistan')).toBeNull();
  });

  it('maps each class to its record: operation with agency and outcome, clash with both sides', async () => {
    const rows = await pakistan();
    const strike = mapAcledRow(rows.get('11PAK')!, { operations: true, groups: [TTP] });
    expect(strike).toMatchObject({
      kind: 'operation',
      fatalities: 10,
      input: { kind: 'air_strike', agency: 'Military Forces of Pakistan', groupId: TTP.id, militantsKilled: 10 },
    });
    const drone = mapAcledRow(rows.get('83PAK')!, { operations: true, groups: [TTP] });
    expect(drone).toMatchObject({
      kind: 'operation',
      input: { kind: 'air_strike', agency: 'Military Forces of the United States of America', groupId: TTP.id },
    });
    const arrest = mapAcledRow(rows.get('1214PAK')!, { operations: true, groups: [TTP] });
    expect(arrest).toMatchObject({ kind: 'operation', input: { militantsArrested: 1, militantsKilled: 0 } });
    // Without operations asked for, the same row is skipped with its own reason.
    expect(mapAcledRow(rows.get('11PAK')!, { groups: [TTP] })).toEqual({
      kind: 'skip',
      reason: 'operation_not_requested',
      fatalities: 10,
    });

    const clash = mapAcledRow(rows.get('27PAK')!, { groups: [TTP] });
    expect(clash).toMatchObject({
      kind: 'incident',
      input: {
        category: 'clash',
        type: 'clash',
        groupId: TTP.id,
        targetType: 'police',
        actors: [
          { role: 'actor1', name: 'Police Forces of Pakistan', inter: '1' },
          { role: 'actor2', name: 'TTP: Tehreek-i-Taliban Pakistan', inter: '2' },
        ],
      },
    });
    const loc = mapAcledRow(rows.get('179PAK')!, { groups: [TTP] });
    expect(loc).toMatchObject({
      kind: 'incident',
      input: { category: 'interstate', type: 'cross_border', groupId: null },
    });
    const soldiers = mapAcledRow(rows.get('311PAK')!, { groups: [TTP] });
    expect(soldiers).toMatchObject({
      kind: 'incident',
      input: { category: 'state_violence', groupId: null, targetType: 'civilians' },
    });
  });
});

let cache: Record<string, Promise<Map<string, AcledRow>>> = {};
const pakistan = () => (cache.p ??= rowsById(PAKISTAN));
const benin = () => (cache.b ??= rowsById(BENIN));
cache = {};
