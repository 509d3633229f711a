import { describe, expect, it } from 'vitest';
import { createIncidentInputAt } from '../../core/incident/schema';
import { createOperationInputAt } from '../../core/operation/schema';
import { fieldsFromZod } from '../../core/errors';
import { mapAcledRow } from '../../core/import/acled-row';
import type { AcledRow } from '../../core/import/acled-columns';
import { createIncident } from '../../core/incident/create-incident';
import { ValidationError } from '../../core/errors';
import { createMemoryCtx } from './support/memory-store';

// 20:30 UTC on 1 Dec = 01:30 PKT on 2 Dec: the reporting zone is already on the next day.
const now = new Date('2026-12-01T20:30:00Z');
const incident = { province: 'KP', type: 'ied_explosive' };

const cases: [string, string, string, boolean][] = [
  ['an exact time a minute ago', '2026-12-01T20:29:00Z', 'exact', true],
  ['an exact time within the clock tolerance', '2026-12-01T20:33:00Z', 'exact', true],
  ['an exact time an hour ahead', '2026-12-01T21:30:00Z', 'exact', false],
  ['today in PKT (still yesterday in UTC)', '2026-12-02', 'day', true],
  ['tomorrow in PKT', '2026-12-03', 'day', false],
  ['a date next year', '2027-03-15', 'day', false],
  ['this month', '2026-12-01', 'month', true],
  ['next month', '2027-01-01', 'month', false],
];

describe('an occurrence later than now', () => {
  it.each(cases)('%s', (_name, occurredAt, timePrecision, ok) => {
    const result = createIncidentInputAt(now, 'Asia/Karachi').safeParse({ ...incident, occurredAt, timePrecision });
    expect(result.success).toBe(ok);
    if (!ok) expect(fieldsFromZod(result.error!).occurredAt).toMatch(/cannot be in the future/);
  });

  it('is refused for operations too', () => {
    const result = createOperationInputAt(now, 'Asia/Karachi').safeParse({
      occurredAt: '2027-01-05',
      kind: 'intelligence_based',
    });
    expect(result.success).toBe(false);
    expect(fieldsFromZod(result.error!).occurredAt).toMatch(/cannot be in the future/);
  });

  it('is a row error in an ACLED import, against the import clock', () => {
    const row: AcledRow = {
      event_id_cnty: 'PAK1',
      event_date: '15 March 2027',
      time_precision: '1',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Remote explosive/landmine/IED',
      actor1: 'Unidentified Armed Group (Pakistan)',
      inter1: '3',
      country: 'Pakistan',
      iso: '586',
      admin1: 'Khyber Pakhtunkhwa',
      admin2: 'Bannu',
      location: 'Bannu',
      geo_precision: '1',
      source: 'Dawn',
      notes: 'An IED went off.',
      fatalities: '2',
    };
    const outcome = mapAcledRow(row, { now: () => now });
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.message).toMatch(/occurredAt.*future/);
    expect(mapAcledRow({ ...row, event_date: '15 March 2026' }, { now: () => now }).kind).toBe('incident');
  });

  it("reads a day against today in the configured reporting zone, not Pakistan's", async () => {
    // 20:30 UTC on 1 Dec: already 2 Dec in Karachi, still 1 Dec in UTC and in New York.
    const day = { ...incident, occurredAt: '2026-12-02', timePrecision: 'day' };
    expect(createIncidentInputAt(now, 'Asia/Karachi').safeParse(day).success).toBe(true);
    expect(createIncidentInputAt(now, 'UTC').safeParse(day).success).toBe(false);
    expect(createIncidentInputAt(now, 'America/New_York').safeParse(day).success).toBe(false);
    // The verb reads the zone from its context (REPORT_TIMEZONE), for creates and imports alike.
    const ctx = { ...createMemoryCtx(undefined, now), reportZone: 'UTC' };
    await expect(createIncident({ ctx, input: day })).rejects.toBeInstanceOf(ValidationError);
    await expect(createIncident({ ctx: { ...ctx, reportZone: 'Asia/Karachi' }, input: day })).resolves.toBeTruthy();
    const row = (event_date: string): AcledRow => ({
      event_id_cnty: 'PAK2',
      event_date,
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Remote explosive/landmine/IED',
      actor1: 'Unidentified Armed Group (Pakistan)',
      inter1: '3',
      country: 'Pakistan',
      admin1: 'Khyber Pakhtunkhwa',
      fatalities: '1',
    });
    expect(mapAcledRow(row('2 December 2026'), { now: () => now, reportZone: 'UTC' }).kind).toBe('error');
    expect(mapAcledRow(row('2 December 2026'), { now: () => now, reportZone: 'Asia/Karachi' }).kind).toBe('incident');
  });
});
