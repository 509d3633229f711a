/**
 * One reporting day, end to end on a real server (both drivers): incidents at 00:30 and 23:30
 * local time and a record known only to the day land on their local day in the timeseries (day,
 * ISO week, month), a one-day breakdown, the hourly series, the list the feed reads and the ACLED
 * and JSON exports; in Asia/Karachi and in Europe/London across the end of summer time.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../core/incident/create-incident';
import type { TimePrecision } from '../../core/enums';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, tokenFor } from './api-support';

const system = { id: null, label: 'system:test', role: 'system' as const };

interface Scenario {
  zone: string;
  /** The day under test and its neighbours. */
  day: string;
  before: string;
  after: string;
  /** Instants: 00:30 and 23:30 local on `day`, 23:30 local the day before, 00:30 local the day after. */
  early: string;
  late: string;
  lateBefore: string;
  earlyAfter: string;
  week: { from: string; to: string; count: number };
  month: { from: string; to: string };
  hours: number;
}

const SCENARIOS: Scenario[] = [
  {
    zone: 'Asia/Karachi',
    day: '2026-11-20',
    before: '2026-11-19',
    after: '2026-11-21',
    early: '2026-11-19T19:30:00.000Z',
    late: '2026-11-20T18:30:00.000Z',
    lateBefore: '2026-11-19T18:30:00.000Z',
    earlyAfter: '2026-11-20T19:30:00.000Z',
    // Friday: its ISO week (16–22 November) holds all five.
    week: { from: '2026-11-16', to: '2026-11-23', count: 5 },
    month: { from: '2026-11-01', to: '2026-12-01' },
    hours: 24,
  },
  {
    // Summer time ends on 25 October 2026 at 01:00 UTC: 00:30 is BST (+01), 23:30 is GMT.
    zone: 'Europe/London',
    day: '2026-10-25',
    before: '2026-10-24',
    after: '2026-10-26',
    early: '2026-10-24T23:30:00.000Z',
    late: '2026-10-25T23:30:00.000Z',
    lateBefore: '2026-10-24T22:30:00.000Z',
    earlyAfter: '2026-10-26T00:30:00.000Z',
    // A Sunday, the last day of its ISO week: the day after belongs to the next week.
    week: { from: '2026-10-19', to: '2026-10-26', count: 4 },
    month: { from: '2026-10-01', to: '2026-11-01' },
    hours: 25,
  },
];

describe.each(drivers.flatMap((d) => SCENARIOS.map((s) => [d, s] as const)))(
  'the reporting day on %s in %s',
  (driver, s) => {
    let server: TestServer;
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      return { status: res.status, headers: res.headers, text: await res.text() };
    };
    const json = async (path: string) => {
      const r = await get(path);
      expect(r.status, r.text).toBe(200);
      return JSON.parse(r.text) as Record<string, unknown>;
    };

    beforeAll(async () => {
      server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1', REPORT_TIMEZONE: s.zone } });
      const ctx = server.runtime.ctx(system);
      const make = (occurredAt: string, timePrecision: TimePrecision, place: string) =>
        createIncident({
          ctx,
          input: {
            occurredAt,
            timePrecision,
            province: 'KP',
            place,
            type: 'armed_assault',
            targetType: 'police',
            sources: [{ name: 'test' }],
          },
        });
      await make(s.early, 'exact', 'early');
      await make(s.late, 'exact', 'late');
      await make(s.day, 'day', 'day-precision');
      await make(s.lateBefore, 'exact', 'late-before');
      await make(s.earlyAfter, 'exact', 'early-after');
    });
    afterAll(async () => {
      await server?.destroy();
    });

    it('stores the day-precision record at the start of its local day', async () => {
      const list = await json(`/api/incidents?from=${s.day}&to=${s.after}`);
      const items = list.items as { place: string; occurredAt: string }[];
      expect(items.map((i) => i.place).sort()).toEqual(['day-precision', 'early', 'late']);
      const dayRecord = items.find((i) => i.place === 'day-precision')!;
      expect(
        new Intl.DateTimeFormat('en-CA', { timeZone: s.zone, hourCycle: 'h23', dateStyle: 'short', timeStyle: 'short' })
          .format(new Date(dayRecord.occurredAt))
          .replace(',', ''),
      ).toBe(`${s.day} 00:00`);
    });

    it('counts each record on its local day in a daily series, and names the zone', async () => {
      const t = await json(`/api/stats/timeseries?from=${s.before}&to=${s.month.to}&bucket=day`);
      expect(t.zone).toBe(s.zone);
      const points = t.points as { day: string; start: string; incidents: number }[];
      const on = (day: string) => points.find((p) => p.day === day)?.incidents;
      expect([on(s.before), on(s.day), on(s.after)]).toEqual([1, 3, 1]);
      // Each point's start is its local day's start.
      for (const p of points.slice(0, 3)) expect(p.start).toBe(new Date(dayStart(p.day, s.zone)).toISOString());
    });

    it('counts the ISO week (Monday first) and the month in the zone', async () => {
      const w = await json(`/api/stats/timeseries?from=${s.week.from}&to=${s.week.to}&bucket=week`);
      expect(
        (w.points as { day: string; incidents: number; partial: boolean }[]).map((p) => [
          p.day,
          p.incidents,
          p.partial,
        ]),
      ).toEqual([[s.week.from, s.week.count, false]]);
      const m = await json(`/api/stats/timeseries?from=${s.month.from}&to=${s.month.to}&bucket=month`);
      expect((m.points as { day: string; incidents: number }[]).map((p) => [p.day, p.incidents])).toEqual([
        [s.month.from, 5],
      ]);
    });

    it('a one-day breakdown and summary hold exactly that local day', async () => {
      const b = await json(`/api/stats/breakdown?from=${s.day}&to=${s.after}&by=province`);
      expect((b.total as { incidents: number }).incidents).toBe(3);
      expect(b.zone).toBe(s.zone);
      const sum = await json(`/api/stats/summary?from=${s.day}&to=${s.after}`);
      expect((sum.current as { incidents: number }).incidents).toBe(3);
    });

    it('hour buckets are local hours of that day, each labelled with the day', async () => {
      const h = await json(`/api/stats/timeseries?from=${s.day}&to=${s.after}&bucket=hour`);
      const points = h.points as { day: string; time: string; incidents: number }[];
      expect(points).toHaveLength(s.hours);
      expect(new Set(points.map((p) => p.day))).toEqual(new Set([s.day]));
      const at = (time: string) => points.filter((p) => p.time === time).map((p) => p.incidents);
      // The day-precision record sits at the day's start, with the 00:30 incident.
      expect(at('00:00')[0]).toBe(2);
      expect(at('23:00')).toEqual([1]);
      expect(points.reduce((n, p) => n + p.incidents, 0)).toBe(3);
    });

    it('exports the local date as ACLED event_date, and the JSON export carries the local day', async () => {
      const csv = await get('/api/export/incidents.csv');
      expect(csv.status).toBe(200);
      const [header, ...rows] = parse(csv.text) as string[][];
      const col = (name: string) => header!.indexOf(name);
      const byPlace = Object.fromEntries(rows.map((r) => [r[col('location')], r[col('event_date')]]));
      expect(byPlace).toEqual({
        early: s.day,
        late: s.day,
        'day-precision': s.day,
        'late-before': s.before,
        'early-after': s.after,
      });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: s.zone }).format(new Date());
      expect(csv.headers.get('content-disposition')).toContain(`incidents-acled-${today}.csv`);
      const exported = JSON.parse((await get(`/api/export/incidents.json?from=${s.day}&to=${s.after}`)).text) as {
        zone: string;
        incidents: { day: string; occurredAt: string }[];
      };
      expect(exported.zone).toBe(s.zone);
      expect(exported.incidents.map((i) => i.day)).toEqual([s.day, s.day, s.day]);
    });

    it('an ACLED round trip keeps each record on its day, and exact times exact', async () => {
      const csv = (await get('/api/export/incidents.csv')).text;
      const other = await startTestServer(driver, { env: { REPORT_TIMEZONE: s.zone, REFERENCE_DATA: 'on' } });
      try {
        const token = await tokenFor(other, (await addUser(other, 'operator@example.org', 'operator')).id);
        const res = await fetch(`${other.url}/api/import/acled`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body: csv,
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ imported: 5, errorCount: 0 });
        const shape = (items: { place: string; occurredAt: string; timePrecision: string }[]) =>
          items.map((i) => [i.place, i.occurredAt, i.timePrecision]).sort();
        const list = async (server: TestServer, headers: Record<string, string> = {}) =>
          ((await (await fetch(`${server.url}/api/incidents?limit=50`, { headers })).json()) as { items: never[] })
            .items;
        expect(shape(await list(other, { authorization: `Bearer ${token}` }))).toEqual(shape(await list(server)));
      } finally {
        await other.destroy();
      }
    });
  },
);

/** The instant a local day starts, found without the product's code (an independent check). */
function dayStart(day: string, zone: string): number {
  const noon = Date.parse(`${day}T12:00:00Z`);
  for (let ms = noon - 30 * 3_600_000; ms <= noon + 16 * 3_600_000; ms += 15 * 60_000) {
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
    if (local === day) return ms;
  }
  throw new Error(`no start found for ${day}`);
}
