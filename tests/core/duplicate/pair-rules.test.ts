/**
 * The duplicate rules over generated pairs: near-duplicates (another source's report of one event:
 * a few km away, figures differing, another type of the same family, a day off when a date is
 * coarse) are proposed; non-duplicates (same day in another district, same place another week,
 * incompatible types, two named groups, two ids of one tracker) never are.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Casualties } from '../../../core/common-schemas';
import { distanceKm, scorePair, TYPE_FAMILIES, type PairRecord } from '../../../core/duplicate/pair-rules';
import { mergeFigures } from '../../../core/duplicate/merge-fields';
import { addDays, dayStartIso } from '../../../core/time/report-zone';
import type { IncidentType } from '../../../core/enums';

const ZONE = 'Asia/Karachi';
/** Districts far enough apart (> 80 km) that no two precisions make them neighbours. */
const DISTRICTS = [
  { province: 'KP', district: 'Peshawar', lat: 34.01, lon: 71.58 },
  { province: 'KP', district: 'Dera Ismail Khan', lat: 31.83, lon: 70.9 },
  { province: 'Balochistan', district: 'Quetta', lat: 30.18, lon: 66.99 },
  { province: 'KP-MD', district: 'North Waziristan', lat: 32.98, lon: 70.1 },
  { province: 'Sindh', district: 'Karachi', lat: 24.86, lon: 67.0 },
] as const;

const figures = (killed: number | null) => Casualties.parse({ killed: { not_specified: { low: killed } } });

const family = fc.constantFrom(...TYPE_FAMILIES.filter((f) => f.types.length > 1));

/** One event as a source reports it. */
const event = fc.record({
  place: fc.constantFrom(...DISTRICTS),
  day: fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2010-01-01', n)),
  hour: fc.integer({ min: 0, max: 23 }),
  family,
  killed: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
});

let n = 0;
function record(
  e: { place: (typeof DISTRICTS)[number]; day: string; hour: number; killed: number | null },
  over: Partial<PairRecord> = {},
): PairRecord {
  return {
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    occurredAt: new Date(Date.parse(dayStartIso(e.day, ZONE)) + e.hour * 3_600_000).toISOString(),
    timePrecision: 'day',
    province: e.place.province,
    district: e.place.district,
    latitude: e.place.lat,
    longitude: e.place.lon,
    geoPrecision: 'near',
    type: 'armed_assault',
    category: 'attack',
    groupId: null,
    groupName: null,
    casualties: figures(e.killed),
    externalId: null,
    synthetic: false,
    ...over,
  };
}

/** Moves a point about `km` kilometres north-east. */
const moved = (lat: number, lon: number, km: number) => ({
  latitude: lat + km / 157.3,
  longitude: lon + km / (157.3 * Math.cos((lat * Math.PI) / 180)),
});

describe('duplicate rules', () => {
  it('propose another source’s report of the same event', () => {
    fc.assert(
      fc.property(
        event,
        fc.double({ min: 0, max: 15, noNaN: true }),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: -5, max: 5 }),
        fc.boolean(),
        (e, km, typeIndex, killedShift, coarse) => {
          const a = record(e, { type: e.family.types[0], externalId: 'acled:PAK1' });
          const shifted = coarse ? addDays(e.day, 1) : e.day;
          const b = record(
            { ...e, day: shifted, killed: e.killed === null ? null : Math.max(0, e.killed + killedShift) },
            {
              type: e.family.types[typeIndex] as IncidentType,
              timePrecision: coarse ? 'week' : 'day',
              geoPrecision: 'near',
              ...moved(e.place.lat, e.place.lon, km),
              district: km > 5 ? null : e.place.district,
              externalId: 'gtd:201001010001',
            },
          );
          const scored = scorePair(a, b, ZONE);
          expect(scored).not.toBeNull();
          expect(scored!.score).toBeGreaterThanOrEqual(0.3);
          expect(scored!.score).toBeLessThanOrEqual(1);
          // The rules are symmetric.
          expect(scorePair(b, a, ZONE)?.score).toBe(scored!.score);
          expect(scored!.reasons[0]).toMatch(/same day|a day apart/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('propose a pair in the same district when the coordinates say little', () => {
    fc.assert(
      fc.property(event, (e) => {
        const a = record(e, { geoPrecision: 'district', latitude: null, longitude: null });
        const b = record(e, { geoPrecision: 'exact', district: `${e.place.district} District` });
        expect(scorePair(a, b, ZONE)?.reasons).toContain(`same district (${e.place.district})`);
      }),
    );
  });

  it('never propose the same day in another district, or the same place another week', () => {
    fc.assert(
      fc.property(
        event,
        fc.constantFrom(...DISTRICTS),
        fc.integer({ min: 2, max: 60 }),
        fc.boolean(),
        (e, other, days, coarse) => {
          fc.pre(other.district !== e.place.district);
          const a = record(e, { timePrecision: coarse ? 'week' : 'exact' });
          expect(scorePair(a, record({ ...e, place: other }), ZONE)).toBeNull();
          expect(scorePair(a, record({ ...e, day: addDays(e.day, days) }), ZONE)).toBeNull();
          // A day apart needs a coarse date on either side.
          if (!coarse) expect(scorePair(a, record({ ...e, day: addDays(e.day, 1) }), ZONE)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never propose incompatible types, two named groups, or two ids of one tracker', () => {
    fc.assert(
      fc.property(event, (e) => {
        const base = record(e, { type: 'kidnapping' });
        expect(scorePair(base, record(e, { type: 'suicide_bombing' }), ZONE)).toBeNull();
        expect(scorePair(record(e, { type: 'clash' }), record(e, { type: 'ied_explosive' }), ZONE)).toBeNull();
        expect(scorePair(record(e, { category: 'interstate' }), record(e), ZONE)).toBeNull();
        const g1 = '10000000-0000-4000-8000-000000000001';
        const g2 = '10000000-0000-4000-8000-000000000002';
        expect(scorePair(record(e, { groupId: g1 }), record(e, { groupId: g2 }), ZONE)).toBeNull();
        expect(scorePair(record(e, { groupId: g1 }), record(e, { groupId: g1 }), ZONE)).not.toBeNull();
        expect(
          scorePair(record(e, { externalId: 'acled:PAK1' }), record(e, { externalId: 'acled:PAK2' }), ZONE),
        ).toBeNull();
        expect(scorePair(record(e, { synthetic: true }), record(e), ZONE)).toBeNull();
      }),
    );
  });

  it('score a closer, same-type, same-figure pair above a looser one', () => {
    fc.assert(
      fc.property(event, (e) => {
        const a = record({ ...e, killed: 10 });
        const tight = scorePair(a, record({ ...e, killed: 10 }), ZONE)!;
        const loose = scorePair(
          a,
          record(
            { ...e, killed: 60 },
            { type: 'targeted_killing', ...moved(e.place.lat, e.place.lon, 12), district: null },
          ),
          ZONE,
        )!;
        expect(tight.score).toBeGreaterThan(loose.score);
      }),
    );
  });

  it('measures distance on the sphere', () => {
    expect(distanceKm({ lat: 34.01, lon: 71.58 }, { lat: 33.6, lon: 73.05 })).toBeCloseTo(142, -1);
  });

  it('merge figures: at least is the largest reported low, up to the largest high, never below the low', () => {
    const cell = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 4 }), (cells) => {
        const list = cells.map(([low, extra]) =>
          Casualties.parse({
            killed: { civilians: { low, high: low !== null && extra !== null ? low + extra : null } },
          }),
        );
        const { low, high } = mergeFigures(list).killed.civilians;
        const lows = list.map((c) => c.killed.civilians.low).filter((x): x is number => x !== null);
        const highs = list.map((c) => c.killed.civilians.high).filter((x): x is number => x !== null);
        expect(low).toBe(lows.length ? Math.max(...lows) : null);
        if (high !== null) {
          expect(high).toBe(Math.max(...highs));
          expect(high).toBeGreaterThan(low!);
        }
        expect(Casualties.safeParse(mergeFigures(list)).success).toBe(true);
      }),
    );
  });
});
