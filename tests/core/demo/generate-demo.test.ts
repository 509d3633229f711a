import { describe, expect, it } from 'vitest';
import { demoWindow, generateDemo } from '../../../core/demo/generate-demo';
import { REGION_BOUNDS } from '../../../core/demo/places';
import { AFGHAN_BORDER_PROVINCES, isAfghanProvince } from '../../../core/enums';
import { CreateIncidentInput, type IncidentFields } from '../../../core/incident/schema';
import { CreateOperationInput, type OperationFields } from '../../../core/operation/schema';
import { REFERENCE_GROUPS } from '../../../core/seed/reference-data';

const groupIds = Object.fromEntries(
  REFERENCE_GROUPS.map((g, i) => [g.shortName, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]),
);
const shortNameOf = new Map(Object.entries(groupIds).map(([name, id]) => [id, name]));
const END = new Date('2026-01-01T00:00:00Z');

const data = generateDemo({ seed: 42, end: END, years: 3, groupIds });
// Parsing is itself the validation test: it throws on the first invalid row.
const incidents: IncidentFields[] = data.incidents.map((i) => CreateIncidentInput.parse(i));
const operations: OperationFields[] = data.operations.map((o) => CreateOperationInput.parse(o));

const year = (iso: string) => iso.slice(0, 4);
const killed = (i: IncidentFields) => Object.values(i.casualties.killed).reduce((s, f) => s + (f.low ?? 0), 0);
const sumBy = <T>(rows: T[], pred: (r: T) => boolean, value: (r: T) => number) =>
  rows.filter(pred).reduce((s, r) => s + value(r), 0);
const share = <T>(rows: T[], pred: (r: T) => boolean) => rows.filter(pred).length / rows.length;

describe('demoWindow', () => {
  it('rounds the end down to its day and goes back whole years', () => {
    expect(demoWindow(new Date('2026-01-17T15:42:00Z'), 3)).toEqual({ start: '2023-01-17', end: '2026-01-17' });
    expect(() => demoWindow(new Date('nope'))).toThrow(RangeError);
    expect(() => demoWindow(END, 0)).toThrow(RangeError);
  });
});

describe('generateDemo', () => {
  it('is deterministic for the same inputs, whatever the time of day of `end`', () => {
    const again = generateDemo({ seed: 42, end: new Date('2026-01-01T23:59:59Z'), years: 3, groupIds });
    expect(again).toEqual(data);
  });

  it('differs for another seed', () => {
    const other = generateDemo({ seed: 43, end: END, years: 1, groupIds });
    const mine = generateDemo({ seed: 42, end: END, years: 1, groupIds });
    expect(other.incidents.map((i) => i.summary)).not.toEqual(mine.incidents.map((i) => i.summary));
    expect(other.operations.map((o) => o.count)).not.toEqual(mine.operations.map((o) => o.count));
  });

  it('reproduces overlapping days when the window moves (so reseeding can skip them)', () => {
    const lastYear = generateDemo({ seed: 42, end: END, years: 1, groupIds });
    expect(lastYear.incidents).toEqual(data.incidents.filter((i) => i.occurredAt >= '2025-01-01'));
    expect(lastYear.operations).toEqual(data.operations.filter((o) => o.occurredAt >= '2025-01-01'));
  });

  it('stays inside the window and marks every row synthetic with a unique external id', () => {
    const stray = [...incidents, ...operations].filter(
      (r) =>
        r.occurredAt < '2023-01-01' ||
        r.occurredAt >= '2026-01-01' ||
        !r.synthetic ||
        r.sources.length !== 1 ||
        r.sources[0]?.name !== 'Demo data (synthetic)',
    );
    expect(stray).toEqual([]);
    const ids = [...incidents, ...operations].map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has about a thousand incidents a year, rising towards 2025', () => {
    const perYear = ['2023', '2024', '2025'].map((y) => incidents.filter((i) => year(i.occurredAt) === y).length);
    for (const n of perYear) expect(n).toBeGreaterThan(650);
    for (const n of perYear) expect(n).toBeLessThan(1_400);
    expect(perYear[2]!).toBeGreaterThan(perYear[0]! * 1.15);
  });

  it('weights KP and the tribal districts first, then Balochistan, then the rest', () => {
    const p = (name: string) => share(incidents, (i) => i.province === name);
    expect(p('KP') + p('KP-MD')).toBeGreaterThan(0.5);
    expect(p('Balochistan')).toBeGreaterThan(0.18);
    expect(p('Balochistan')).toBeGreaterThan(p('Punjab') + p('Sindh') + p('ICT'));
    expect(p('Gilgit-Baltistan') + p('AJK')).toBeLessThan(0.04);
    const afghan = incidents.filter((i) => i.country === 'Afghanistan');
    expect(afghan.length / incidents.length).toBeGreaterThan(0.01);
    // Afghan events are filed under their border province (with its district), never "Afghanistan".
    expect(p('Afghanistan')).toBe(0);
    for (const i of afghan) expect(AFGHAN_BORDER_PROVINCES).toContain(i.province);
    expect(new Set(afghan.map((i) => i.province)).size).toBeGreaterThan(2);
    for (const i of incidents.filter((x) => isAfghanProvince(x.province))) expect(i.country).toBe('Afghanistan');
    for (const o of operations.filter((x) => x.country === 'Afghanistan'))
      expect(AFGHAN_BORDER_PROVINCES).toContain(o.province);
  });

  it('attributes groups by region and leaves about a third unknown', () => {
    const unknown = share(incidents, (i) => i.groupId === null);
    expect(unknown).toBeGreaterThan(0.25);
    expect(unknown).toBeLessThan(0.45);
    const provincesOf = (name: string) =>
      new Set(incidents.filter((i) => i.groupId && shortNameOf.get(i.groupId) === name).map((i) => i.province));
    expect([...provincesOf('BLF')]).toEqual(['Balochistan']);
    expect(provincesOf('BLA').has('KP-MD')).toBe(false);
    expect(provincesOf('TTP').has('KP-MD')).toBe(true);
    const hgb = incidents.filter((i) => i.groupId && shortNameOf.get(i.groupId) === 'HGB');
    expect(share(hgb, (i) => i.district === 'North Waziristan')).toBeGreaterThan(0.5);
    expect(incidents.every((i) => !i.claimed || i.groupId !== null)).toBe(true);
  });

  it('turns a group the caller does not know into an unknown perpetrator', () => {
    const { TTP: _ttp, ...withoutTtp } = groupIds;
    const partial = generateDemo({ seed: 42, end: END, years: 1, groupIds: withoutTtp });
    expect(partial.incidents.some((i) => i.groupId === groupIds.TTP)).toBe(false);
    expect(partial.incidents.length).toBe(data.incidents.filter((i) => i.occurredAt >= '2025-01-01').length);
  });

  it('keeps types and targets consistent', () => {
    for (const i of incidents) {
      if (i.type === 'infrastructure_sabotage') expect(i.targetType).toBe('infrastructure');
      if (i.type === 'clash') expect(i.targetType).toBe('security_forces');
      if (i.type === 'cross_border') expect(i.crossBorder).toBe('yes');
    }
    const sabotage = incidents.filter((i) => i.type === 'infrastructure_sabotage');
    expect(share(sabotage, (i) => i.province === 'Balochistan')).toBeGreaterThan(0.6);
  });

  it('has mostly small casualty counts, with rare mass-casualty events led by suicide bombings', () => {
    const mass = incidents.filter((i) => killed(i) >= 10);
    expect(mass.length).toBeGreaterThan(10);
    expect(mass.length / incidents.length).toBeLessThan(0.04);
    expect(share(incidents, (i) => killed(i) <= 2)).toBeGreaterThan(0.7);
    const massRate = (type: string) =>
      share(
        incidents.filter((i) => i.type === type),
        (i) => killed(i) >= 10,
      );
    expect(massRate('suicide_bombing')).toBeGreaterThan(massRate('armed_assault') * 5);
    expect(incidents.some((i) => Object.values(i.casualties.killed).some((f) => f.high !== null))).toBe(true);
    expect(incidents.some((i) => (i.casualties.killed.not_specified.low ?? 0) > 0)).toBe(true);
  });

  it('puts every point inside the Pakistan–Afghanistan box', () => {
    const { minLat, maxLat, minLon, maxLon } = REGION_BOUNDS;
    const outside = [...incidents, ...operations].filter(
      (r) =>
        r.latitude !== null &&
        r.longitude !== null &&
        (r.latitude < minLat || r.latitude > maxLat || r.longitude < minLon || r.longitude > maxLon),
    );
    expect(outside).toEqual([]);
    expect(incidents.every((i) => i.latitude !== null && i.district !== null && i.summary !== null)).toBe(true);
  });

  it('gives mostly exact or day precision and mostly reported or confirmed status', () => {
    expect(incidents.every((i) => i.timePrecision === 'exact' || i.timePrecision === 'day')).toBe(true);
    expect(share(incidents, (i) => i.verification === 'disputed')).toBeLessThan(0.15);
    expect(share(incidents, (i) => i.crossBorder === 'unknown')).toBeGreaterThan(0.5);
  });

  it('sums operations to tens of thousands a year, near the reported 2025 tempo', () => {
    const ops2025 = (value: (o: OperationFields) => number) =>
      sumBy(operations, (o) => year(o.occurredAt) === '2025', value);
    expect(ops2025((o) => o.count)).toBeGreaterThan(55_000);
    expect(ops2025((o) => o.count)).toBeLessThan(80_000);
    expect(ops2025((o) => o.militantsKilled ?? 0)).toBeGreaterThan(1_800);
    expect(ops2025((o) => o.militantsKilled ?? 0)).toBeLessThan(2_900);
    const count2023 = sumBy(
      operations,
      (o) => year(o.occurredAt) === '2023',
      (o) => o.count,
    );
    expect(count2023).toBeGreaterThan(10_000);
    expect(count2023).toBeLessThan(ops2025((o) => o.count));
  });

  it('mixes daily records with weekly and monthly totals, intelligence-based operations first', () => {
    const periodic = operations.filter((o) => o.timePrecision === 'week' || o.timePrecision === 'month');
    expect(periodic.length).toBeGreaterThan(100);
    expect(periodic.every((o) => o.count >= 30)).toBe(true);
    expect(share(operations, (o) => o.kind === 'intelligence_based')).toBeGreaterThan(0.6);
    expect(operations.some((o) => o.kind === 'air_strike')).toBe(true);
    expect(operations.some((o) => o.kind === 'border_interdiction' && o.timePrecision === 'week')).toBe(true);
  });
});

describe('generateDemo through the end instant (a first start)', () => {
  it('fills the end day up to the moment, with the records a longer run makes for that day', () => {
    const end = new Date('2026-01-01T18:30:00Z');
    const live = generateDemo({ seed: 42, end, years: 1, groupIds, throughEnd: true });
    const later = generateDemo({ seed: 42, end: new Date('2026-01-02T00:00:00Z'), years: 1, groupIds });
    const today = later.incidents.filter((i) => i.occurredAt.startsWith('2026-01-01'));
    expect(live.incidents.filter((i) => i.occurredAt.startsWith('2026-01-01'))).toEqual(
      today.filter((i) => i.occurredAt <= end.toISOString()),
    );
    expect(live.incidents.every((i) => i.occurredAt <= end.toISOString())).toBe(true);
    expect(live.operations.every((o) => (o.occurredAt ?? '') <= end.toISOString())).toBe(true);
  });
});
