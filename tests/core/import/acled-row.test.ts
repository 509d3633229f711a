import { describe, expect, it } from 'vitest';
import type { AcledRow } from '../../../core/import/acled-columns';
import { mapAcledRow, type AcledImportOptions, type AcledRowOutcome } from '../../../core/import/acled-row';

const TTP = {
  id: '5b1f5d2e-8a3c-4b7e-9f10-000000000001',
  shortName: 'TTP',
  fullName: 'Tehrik-e-Taliban Pakistan',
  aliases: ['Pakistani Taliban'],
};
const BLA = {
  id: '5b1f5d2e-8a3c-4b7e-9f10-000000000002',
  shortName: 'BLA',
  fullName: 'Balochistan Liberation Army',
  aliases: ['Baloch Liberation Army'],
};
const groups = [TTP, BLA];

/** A current-format Pakistan row; each case overrides what it is about. */
const base: AcledRow = {
  event_id_cnty: 'PAK12345',
  event_date: '28 December 2022',
  time_precision: '1',
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Military Forces of Pakistan (2018-)',
  inter1: '1',
  actor2: 'TTP: Tehreek-i-Taliban Pakistan',
  inter2: '2',
  country: 'Pakistan',
  iso: '586',
  admin1: 'Khyber Pakhtunkhwa',
  admin2: 'Bannu',
  location: 'Bannu',
  latitude: '32.9861',
  longitude: '70.6042',
  geo_precision: '1',
  source: 'Dawn; The News',
  notes: 'On 28 December 2022, security forces clashed with TTP militants in Bannu.',
  fatalities: '4',
};

const map = (overrides: AcledRow, options: AcledImportOptions = { groups }) =>
  mapAcledRow({ ...base, ...overrides }, options);

function incident(outcome: AcledRowOutcome) {
  if (outcome.kind !== 'incident') throw new Error(`expected an incident, got ${JSON.stringify(outcome)}`);
  return outcome.input;
}

describe('mapAcledRow: a full incident', () => {
  it('maps every field of a current-format row', () => {
    const outcome = map({});
    expect(outcome).toMatchObject({ kind: 'incident', externalId: 'acled:PAK12345' });
    expect(incident(outcome)).toMatchObject({
      occurredAt: '2022-12-28',
      timePrecision: 'day',
      country: 'Pakistan',
      province: 'KP',
      district: 'Bannu',
      place: 'Bannu',
      latitude: 32.9861,
      longitude: 70.6042,
      geoPrecision: 'exact',
      type: 'clash',
      // A state–militant battle: a clash, the militant side's group, the state side as target.
      category: 'clash',
      targetType: 'security_forces',
      groupId: TTP.id,
      actors: [
        { role: 'actor1', name: 'Military Forces of Pakistan (2018-)', inter: '1' },
        { role: 'actor2', name: 'TTP: Tehreek-i-Taliban Pakistan', inter: '2' },
      ],
      claimed: false,
      summary: 'On 28 December 2022, security forces clashed with TTP militants in Bannu.',
      sources: [
        { name: 'Dawn', url: null, publishedAt: null },
        { name: 'The News', url: null, publishedAt: null },
      ],
      externalId: 'acled:PAK12345',
      verification: 'reported',
      synthetic: false,
    });
    expect(incident(outcome).casualties.killed.not_specified).toEqual({ low: 4, high: null });
    expect(incident(outcome).casualties.killed.civilians).toEqual({ low: 0, high: null });
  });
});

describe('mapAcledRow: incident type', () => {
  it.each([
    ['Explosions/Remote violence', 'Suicide bomb', '', 'suicide_bombing'],
    ['Explosions/Remote violence', 'Remote explosive/landmine/IED', '', 'ied_explosive'],
    ['Explosions/Remote violence', 'Grenade', '', 'ied_explosive'],
    ['Explosions/Remote violence', 'Shelling/artillery/missile attack', '', 'rocket_mortar_shelling'],
    ['Explosions/Remote violence', 'Air/drone strike', '', 'other'],
    ['Battles', 'Armed clash', 'a bomb went off during the fighting', 'clash'],
    ['Battles', 'Government regains territory', '', 'clash'],
    ['Battles', 'Non-state actor overtakes territory', '', 'clash'],
    ['Violence against civilians', 'Attack', 'Gunmen opened fire on a bus.', 'armed_assault'],
    ['Violence against civilians', 'Attack', 'A teacher was shot dead outside his home.', 'targeted_killing'],
    ['Violence against civilians', 'Attack', 'A cleric was gunned down.', 'targeted_killing'],
    ['Violence against civilians', 'Abduction/forced disappearance', '', 'kidnapping'],
    ['Violence against civilians', 'Sexual violence', '', 'other'],
    // Old files: no sub-event type, so the notes decide.
    ['Remote violence', undefined, 'A suicide bomber blew himself up at a checkpoint.', 'suicide_bombing'],
    ['Remote violence', undefined, '1 security personnel killed 5 injured in bomb blast in Sibi', 'ied_explosive'],
    ['Remote violence', undefined, 'An IED planted along the road went off.', 'ied_explosive'],
    ['Remote violence', undefined, 'Militants fired 2 rockets into the mosque.', 'rocket_mortar_shelling'],
    ['Remote violence', undefined, '10 militants were killed in air strikes by the Pakistan Airforce', 'other'],
    ['Remote violence', undefined, 'US Drone strike targetting TTP kills 5', 'other'],
    ['Remote violence', undefined, 'Something happened.', 'other'],
    ['Battle-No change of territory', undefined, 'Troops and militants exchanged fire; a bomb was found.', 'clash'],
    ['Battle-Government regains territory', undefined, '', 'clash'],
    ['Battle-Non-state actor overtakes territory', undefined, '', 'clash'],
    [
      'Violence against civilians',
      undefined,
      '2 policemen were shot dead as they were returning home.',
      'targeted_killing',
    ],
    ['Violence against civilians', undefined, 'Unknown gunmen kidnapped a local leader.', 'kidnapping'],
    ['Violence against civilians', undefined, 'Gunmen opened fire near a school.', 'armed_assault'],
  ])('%s / %s / "%s" → %s', (eventType, subEventType, notes, type) => {
    // A militant group as side 1: an attack (a state's strike would be an operation).
    const militant = {
      actor1: 'TTP: Tehreek-i-Taliban Pakistan',
      inter1: '2',
      actor2: 'Police Forces of Pakistan',
      inter2: '1',
    };
    expect(incident(map({ ...militant, event_type: eventType, sub_event_type: subEventType, notes })).type).toBe(type);
  });
});

describe('mapAcledRow: skips', () => {
  it.each([
    [{ country: 'Benin', iso: '204', admin1: 'Alibori' }, 'country_not_covered'],
    [{ country: 'India', event_type: 'Protests' }, 'country_not_covered'],
    [{ event_type: 'Protests', sub_event_type: 'Peaceful protest' }, 'protest_or_riot'],
    [{ event_type: 'Riots', sub_event_type: 'Mob violence' }, 'protest_or_riot'],
    [{ event_type: 'Riots/Protests', sub_event_type: undefined, event_date: 'not a date' }, 'protest_or_riot'],
    // The state arresting TTP members is an operation, skipped unless operations are asked for.
    [{ event_type: 'Strategic developments', sub_event_type: 'Arrests' }, 'operation_not_requested'],
    [{ event_type: 'Strategic developments', sub_event_type: 'Agreement' }, 'strategic_development'],
    [{ event_type: 'Strategic development', sub_event_type: undefined }, 'strategic_development'],
    // Afghanistan away from the border, before anything else about the row is read.
    [{ country: 'Afghanistan', iso: '4', admin1: 'Balkh', event_date: 'not a date' }, 'outside_border_region'],
    [{ country: 'Afghanistan', iso: '4', admin1: 'Herat' }, 'outside_border_region'],
  ] as const)('%o → %s', (overrides, reason) => {
    expect(map(overrides)).toEqual({ kind: 'skip', reason, fatalities: 4 });
  });
});

describe('mapAcledRow: operations from arrests (options.operations)', () => {
  const arrest: AcledRow = {
    event_type: 'Strategic developments',
    sub_event_type: 'Arrests',
    actor1: 'Police Forces of Pakistan (2018-) Counter Terrorism Department',
    inter1: 'State forces',
    actor2: 'TTP: Tehreek-i-Taliban Pakistan',
    inter2: 'Rebel groups',
    notes: 'CTD arrested three TTP militants during a search operation in Bannu.',
    fatalities: '0',
  };

  it('turns a counter-terrorism arrest into a cordon-and-search operation', () => {
    const outcome = map(arrest, { groups, operations: true });
    expect(outcome).toMatchObject({
      kind: 'operation',
      externalId: 'acled:PAK12345',
      input: {
        kind: 'cordon_and_search',
        // The period "(2018-)" is ACLED's bookkeeping, not the agency's name; actors keep it verbatim.
        agency: 'Police Forces of Pakistan Counter Terrorism Department',
        groupId: TTP.id,
        count: 1,
        // An arrest event means at least one person arrested; prose numbers are not guessed.
        militantsArrested: 1,
        province: 'KP',
      },
    });
  });

  it('reads old files (no sub-event type) by the notes', () => {
    const old = {
      ...arrest,
      sub_event_type: undefined,
      event_type: 'Strategic development',
      notes: 'The CTD apprehended a TTP commander in Karachi.',
    };
    expect(map(old, { groups, operations: true })).toMatchObject({ kind: 'operation', input: { kind: 'other' } });
    expect(map({ ...old, notes: 'Four hundred fighters laid down their arms.' }, { operations: true })).toEqual({
      kind: 'skip',
      reason: 'strategic_development',
      fatalities: 0,
    });
  });

  it('leaves arrests of protesters or civilians, and other developments, skipped', () => {
    expect(map({ ...arrest, actor2: 'Protesters (Pakistan)', inter2: '6' }, { operations: true })).toEqual({
      kind: 'skip',
      reason: 'strategic_development',
      fatalities: 0,
    });
    expect(map({ ...arrest, sub_event_type: 'Agreement' }, { operations: true })).toEqual({
      kind: 'skip',
      reason: 'strategic_development',
      fatalities: 0,
    });
    expect(map({ ...arrest, actor1: 'TTP: Tehreek-i-Taliban Pakistan', inter1: '2' }, { operations: true })).toEqual({
      kind: 'skip',
      reason: 'strategic_development',
      fatalities: 0,
    });
  });
});

describe('mapAcledRow: fields', () => {
  it.each([
    [{ fatalities: 'NA' }, (i: ReturnType<typeof incident>) => i.casualties.killed.not_specified.low, 0],
    [{ time_precision: '2' }, (i: ReturnType<typeof incident>) => i.timePrecision, 'week'],
    [{ time_precision: '3' }, (i: ReturnType<typeof incident>) => i.timePrecision, 'month'],
    [{ geo_precision: '2' }, (i: ReturnType<typeof incident>) => i.geoPrecision, 'near'],
    [{ geo_precision: '3' }, (i: ReturnType<typeof incident>) => i.geoPrecision, 'district'],
    [{ latitude: 'NA' }, (i: ReturnType<typeof incident>) => [i.latitude, i.longitude], [null, null]],
    [
      { notes: 'TheÊPunjabÊParamedics and PakistanÕs\u0007 doctors' },
      (i: ReturnType<typeof incident>) => i.summary,
      'The Punjab Paramedics and Pakistan\u2019s doctors',
    ],
    [{ notes: 'line one\r\nline two' }, (i: ReturnType<typeof incident>) => i.summary, 'line one\nline two'],
    [{ notes: 'NA', source: '' }, (i: ReturnType<typeof incident>) => [i.summary, i.sources], [null, []]],
    [
      { admin1: 'Federally Administered Tribal Areas', admin2: 'Khyber Agency' },
      (i: ReturnType<typeof incident>) => i.province,
      'KP-MD',
    ],
    [{ admin1: 'NWFP' }, (i: ReturnType<typeof incident>) => i.province, 'KP'],
    [
      { country: 'Afghanistan', iso: '4', admin1: 'Kunar', admin2: 'Asadabad' },
      (i: ReturnType<typeof incident>) => [i.country, i.province, i.district],
      ['Afghanistan', 'Kunar', 'Asadabad'],
    ],
    [{ event_date: '9-May-20' }, (i: ReturnType<typeof incident>) => i.occurredAt, '2020-05-09'],
  ] as const)('%o', (overrides, pick, expected) => {
    expect(pick(incident(map(overrides)))).toEqual(expected);
  });
});

describe('mapAcledRow: target type from actor 2', () => {
  it.each([
    ['Military Forces of Pakistan (2018-)', '1', 'security_forces'],
    ['Police Forces of Pakistan (2018-)', '1', 'police'],
    ['Police Forces of Pakistan', 'State forces', 'police'],
    ['Civilians (Pakistan)', '7', 'civilians'],
    ['Civilians (Pakistan)', 'Civilians', 'civilians'],
    ['Government of Pakistan (2018-)', '1', 'government'],
    ['BLA: Baloch Liberation Army', '2', 'other'],
    [undefined, '0', 'other'],
  ])('%s (inter2 %s) → %s', (actor2, inter2, target) => {
    expect(
      incident(map({ actor1: 'Unidentified Armed Group (Pakistan)', inter1: '3', actor2, inter2 })).targetType,
    ).toBe(target);
  });
});

describe('mapAcledRow: perpetrator group', () => {
  it.each([
    ['TTP: Tehreek-i-Taliban Pakistan', '2', undefined, TTP.id],
    ['Tehrik-i-Taliban Pakistan', '2', undefined, TTP.id],
    ['TTP', 'Rebel groups', undefined, TTP.id],
    ['BLA: Baloch Liberation Army', '2', undefined, BLA.id],
    ['Unidentified Armed Group (Pakistan)', '3', undefined, null],
    ['Afghani Taliban', '2', undefined, null],
    // ACLED's own "and/or" is an open attribution: credit nobody.
    ['TTP: Tehreek-i-Taliban Pakistan and/or BLA: Baloch Liberation Army', '2', undefined, null],
    ['Unidentified Armed Group (Pakistan)', '3', 'Jamaat-ul-Ahrar; TTP: Tehreek-i-Taliban Pakistan', TTP.id],
  ])('actor1 %s → %s', (actor1, inter1, assoc, groupId) => {
    const i = incident(map({ actor1, inter1, assoc_actor_1: assoc, actor2: 'Civilians (Pakistan)', inter2: '7' }));
    expect(i.groupId).toBe(groupId);
  });

  it('takes side 2 when side 1 is the state, and never credits the victim otherwise', () => {
    expect(incident(map({})).groupId).toBe(TTP.id);
    expect(incident(map({ actor1: 'Unidentified Armed Group (Pakistan)', inter1: '3' })).groupId).toBeNull();
  });

  it('leaves a name two groups share unattributed', () => {
    const twins = [TTP, { ...BLA, aliases: ['TTP'] }];
    expect(incident(map({ actor1: 'TTP', inter1: '2', actor2: undefined }, { groups: twins })).groupId).toBeNull();
  });
});

describe('mapAcledRow: errors name the field', () => {
  it.each([
    [{ event_id_cnty: 'NA' }, /event_id_cnty is missing/],
    [{ event_date: '05/06/2022' }, /event_date: .*ambiguous/],
    [{ event_date: '01-January-1950' }, /occurredAt \(column event_date\): must be between 1970 and 2100/],
    [{ admin1: 'Kashmir Valley' }, /admin1 "Kashmir Valley" is not a known province/],
    [{ admin1: '' }, /admin1 \(the province\) is missing/],
    [{ fatalities: 'many' }, /fatalities: "many" is not a whole number/],
    [{ fatalities: '-1' }, /fatalities/],
    [{ fatalities: '250000' }, /casualties\.killed\.not_specified\.low \(column fatalities\): cannot exceed 100000/],
    [{ latitude: '95', longitude: '70' }, /latitude \(column latitude\): must be between -90 and 90/],
    [{ latitude: 'north' }, /latitude: "north" is not a number/],
    [{ time_precision: '9' }, /time_precision "9" is not 1, 2 or 3/],
    [{ event_type: 'Alien landing' }, /event_type "Alien landing"/],
    [{ event_type: '' }, /event_type is missing/],
    [{ country: 'NA', iso: undefined }, /country is missing/],
    [{ notes: 'x'.repeat(5001) }, /summary \(column notes\): is too long/],
    [{ event_id_cnty: 'X'.repeat(200) }, /externalId \(column event_id_cnty\): is too long/],
  ] as const)('%o', (overrides, message) => {
    const outcome = map(overrides);
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') expect(outcome.message).toMatch(message);
  });

  it('lists several problems of one row together', () => {
    const outcome = map({ event_date: 'soon', fatalities: 'x', admin1: 'Nowhere' });
    expect(outcome.kind === 'error' && outcome.message.split('; ')).toHaveLength(3);
  });
});
