/**
 * The stats API against a real server: every answer equals the aggregate computed from the raw
 * rows (read back from the database and summed by the in-memory reference source), for rolling
 * presets whose edges cut days (6 h, 24 h), custom ranges off the day grid, and each filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { createIncident } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { createOperation } from '../../core/operation/create-operation';
import { retractOperation } from '../../core/operation/retract-operation';
import type { Actor } from '../../core/ports';
import { computeBreakdown, computeSummary, computeTimeseries } from '../../core/stats/compute-stats';
import { parseStatsQuery, type RawParams } from '../../core/stats/stats-query';
import { BREAKDOWN_DIMENSIONS } from '../../core/stats/stats-types';
import {
  CASUALTY_CATEGORIES,
  INCIDENT_TYPES,
  isAfghanProvince,
  PROVINCES,
  TARGET_TYPES,
  VERIFICATION_STATUSES,
} from '../../core/enums';
import type { StatsSource } from '../../core/stats/compute-stats';
import { incidentFromRow } from '../../db/repositories/incidents';
import { operationFromRow } from '../../db/repositories/operations';
import { incidents as incidentsTable, operations as operationsTable } from '../../db/schema';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { memoryStatsSource } from '../core/stats/memory-stats-source';

const Z = { zone: 'Asia/Karachi' };

const actor: Actor = { id: null, label: 'stats-test@example.org', role: 'operator' };
const HOUR = 3_600_000;

/** A small deterministic generator, so a failure reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

describe.each(drivers)('the stats API on %s', (driver) => {
  let server: TestServer;
  let get: (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  let reference: () => Promise<StatsSource>;
  const groupIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1' } });
    get = async (path) => {
      const res = await fetch(`${server.url}${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const ctx = server.runtime.ctx(actor);
    for (const shortName of ['TTP', 'BLA', 'ISKP'])
      groupIds.push((await createGroup({ ctx, input: { shortName, fullName: `${shortName} (test)` } })).record.id);
    const r = rng(20250310);
    const now = Date.now();
    const made: { id: string; version: number }[] = [];
    for (let k = 0; k < 160; k++) {
      // Dense in the last two days (the 6 h and 24 h presets), sparse back to 40 days.
      const ago = k < 70 ? r.next() * 48 * HOUR : r.next() * 40 * 24 * HOUR;
      const province = r.pick(PROVINCES);
      const figure = () => {
        const low = r.int(4) === 0 ? r.int(12) : 0;
        return { low, high: r.int(3) === 0 ? low + r.int(5) : null };
      };
      const { record } = await createIncident({
        ctx,
        input: {
          occurredAt: new Date(now - ago).toISOString(),
          // Known to the minute: a day-precision record would sit at its local day's start.
          timePrecision: 'exact',
          country: isAfghanProvince(province) ? 'Afghanistan' : 'Pakistan',
          province,
          type: r.pick(INCIDENT_TYPES),
          targetType: r.pick(TARGET_TYPES),
          groupId: r.int(3) === 0 ? null : r.pick(groupIds),
          // A perpetrator named (none of our groups), a placeholder, or none: other named actors vs unknown.
          actors: [[{ role: 'perpetrator', name: 'Foo Brigade' }], [{ role: 'perpetrator', name: 'Unknown' }], []][
            r.int(3)
          ],
          crossBorder: r.pick(['yes', 'no', 'unknown'] as const),
          foreignNationals: r.pick(['yes', 'no', 'unknown'] as const),
          verification: r.pick(VERIFICATION_STATUSES),
          casualties: {
            killed: Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, figure()])),
            injured: Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, figure()])),
          },
          sources: [{ name: 'test' }],
        },
      });
      made.push(record);
    }
    // Corrections and retractions move rollup cells: the API must follow them.
    for (const m of made.slice(0, 10)) await retractIncident({ ctx, id: m.id, input: { reason: 'duplicate report' } });
    for (const m of made.slice(10, 20))
      await updateIncident({
        ctx,
        id: m.id,
        input: {
          version: m.version,
          province: 'Sindh',
          country: 'Pakistan',
          occurredAt: new Date(now - 3 * HOUR).toISOString(),
        },
      });
    const ops: string[] = [];
    for (let k = 0; k < 40; k++) {
      const { record } = await createOperation({
        ctx,
        input: {
          occurredAt: new Date(now - r.next() * 20 * 24 * HOUR).toISOString(),
          timePrecision: 'exact',
          province: r.int(4) === 0 ? null : r.pick(['KP', 'Balochistan', 'KP-MD'] as const),
          kind: 'intelligence_based',
          groupId: r.int(2) === 0 ? null : r.pick(groupIds),
          actors: [
            { role: 'actor1', name: 'Military Forces of Pakistan (2018-)', inter: '1' },
            {
              role: 'actor2',
              name: r.int(2) === 0 ? 'Foo Brigade' : 'Unidentified Armed Group (Pakistan)',
              inter: '2',
            },
          ],
          count: 1 + r.int(30),
          militantsKilled: r.int(6),
          militantsArrested: r.int(9),
          verification: r.pick(VERIFICATION_STATUSES),
        },
      });
      ops.push(record.id);
    }
    await retractOperation({ ctx, id: ops[0]!, input: { reason: 'entered twice' } });

    reference = async () => {
      const db = server.runtime.database.db;
      const inc = (await db.select().from(incidentsTable)).map(incidentFromRow);
      const op = (await db.select().from(operationsTable)).map(operationFromRow);
      return memoryStatsSource(inc, op, { [groupIds[0]!]: 'TTP', [groupIds[1]!]: 'BLA', [groupIds[2]!]: 'ISKP' });
    };
  });

  afterAll(async () => {
    await server?.destroy();
  });

  const withoutPosition = (b: Record<string, unknown>) => {
    const { position: _p, ...rest } = b;
    return rest;
  };
  const qs = (p: RawParams) =>
    new URLSearchParams(
      Object.entries(p).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
    ).toString();

  /** For a preset, the expected answer is computed for the exact period the server resolved. */
  const fixed = (params: RawParams, period: { from: string | null; to: string }): RawParams => {
    const { range: _r, ...rest } = params;
    return { ...rest, ...(period.from ? { from: period.from } : {}), to: period.to };
  };

  const cases: [string, RawParams][] = [
    ['6 h (a partial day, maybe across midnight)', { range: '6h' }],
    ['24 h', { range: '24h' }],
    ['7 d', { range: '7d' }],
    ['30 d with a province filter', { range: '30d', province: 'KP,Sindh,Balochistan' }],
    ['all time', {}],
    ['unknown perpetrators', { range: '30d', group: 'unknown' }],
    ['other named actors', { range: '30d', group: 'other' }],
    ['other named actors and unknown', { group: 'other,unknown' }],
    [
      'types, targets and status',
      {
        range: '90d',
        type: 'armed_assault,ied_explosive,suicide_bombing,clash',
        target: 'police,civilians,security_forces',
        status: 'confirmed,reported',
      },
    ],
    ['Afghanistan only', { country: 'Afghanistan' }],
  ];

  it.each(cases)('summary equals the raw aggregate: %s', async (_name, params) => {
    const { status, body } = await get(`/api/stats/summary?${qs(params)}`);
    expect(status).toBe(200);
    const current = body.current as { from: string | null; to: string };
    const expected = await computeSummary(
      await reference(),
      parseStatsQuery(fixed(params, current), new Date(current.to), Z),
    );
    expect(withoutPosition(body)).toEqual(expected);
    // Not a vacuous comparison: the generated rows fall inside every case.
    expect(expected.current.incidents).toBeGreaterThan(0);
  });

  it('the group breakdown shows other named actors beside unknown, each matching its filter', async () => {
    const { body } = await get(`/api/stats/breakdown?by=group&top=50`);
    const rows = body.rows as { key: string; label: string; kind: string; incidents: number }[];
    const other = rows.find((r) => r.key === 'other');
    const unknown = rows.find((r) => r.key === 'unknown');
    expect(other).toMatchObject({ label: 'Other named actors', kind: 'other' });
    expect(unknown).toMatchObject({ label: 'Unknown / unclaimed', kind: 'unknown' });
    expect(other!.incidents).toBeGreaterThan(0);
    expect(unknown!.incidents).toBeGreaterThan(0);
    // The last two rows, in that order, after the groups.
    expect(rows.slice(-2).map((r) => r.key)).toEqual(['other', 'unknown']);
    for (const row of [other!, unknown!]) {
      const s = await get(`/api/stats/summary?group=${row.key}`);
      expect((s.body.current as { incidents: number }).incidents).toBe(row.incidents);
      const list = await fetch(`${server.url}/api/incidents?group=${row.key}&limit=200`);
      const items = ((await list.json()) as { items: { groupId: string | null; namedActor: boolean }[] }).items;
      expect(items.length).toBe(row.incidents);
      expect(items.every((i) => i.groupId === null && i.namedActor === (row.key === 'other'))).toBe(true);
    }
  });

  it('a custom range off the day grid, with a group filter', async () => {
    const to = new Date(Date.now() - 5 * HOUR - 17 * 60_000).toISOString();
    const from = new Date(Date.now() - 9 * 24 * HOUR + 41 * 60_000).toISOString();
    const params = { from, to, group: `${groupIds[0]},unknown` };
    const { body } = await get(`/api/stats/summary?${qs(params)}`);
    const expected = await computeSummary(await reference(), parseStatsQuery(params, new Date(), Z));
    expect(withoutPosition(body)).toEqual(expected);
    expect((body.current as { incidents: number }).incidents).toBeGreaterThan(0);
  });

  it.each([
    ...cases,
    ['24 h in days', { range: '24h', bucket: 'day' }],
    ['30 d in weeks', { range: '30d', bucket: 'week' }],
    ['all in months', { bucket: 'month' }],
  ] as [string, RawParams][])('timeseries equals the raw aggregate: %s', async (_name, params) => {
    const { status, body } = await get(`/api/stats/timeseries?${qs(params)}`);
    expect(status).toBe(200);
    const t = body as { from: string; to: string; bucket: string; points: unknown[] };
    const q = parseStatsQuery(
      { ...fixed(params, params.range ? t : { from: null, to: t.to }), bucket: t.bucket },
      new Date(t.to),
      Z,
    );
    expect(withoutPosition(body)).toEqual(await computeTimeseries(await reference(), q));
  });

  it.each(cases)('breakdowns equal the raw aggregate: %s', async (_name, params) => {
    for (const by of BREAKDOWN_DIMENSIONS) {
      const { status, body } = await get(`/api/stats/breakdown?${qs({ ...params, by, top: '2' })}`);
      expect(status).toBe(200);
      const b = body as { from: string | null; to: string };
      const expected = await computeBreakdown(
        await reference(),
        parseStatsQuery({ ...fixed(params, b), top: '2' }, new Date(b.to), Z),
        by,
      );
      expect(withoutPosition(body)).toEqual(expected);
    }
  });

  it('carries the position it is consistent with', async () => {
    const top = await server.runtime.reads.position();
    for (const path of [
      '/api/stats/summary',
      '/api/stats/timeseries',
      '/api/stats/breakdown?by=type',
      '/api/stats/overview?range=7d',
    ]) {
      const { body } = await get(path);
      expect(body.position).toEqual(top);
    }
    const { body } = await get('/api/stats/overview?range=7d');
    expect(Object.keys(body.breakdowns as object).sort()).toEqual(['group', 'province', 'target', 'type']);
    expect((body.summary as { position: unknown }).position).toEqual(top);
  });

  it.each([
    ['/api/stats/summary?range=5h', 'range'],
    ['/api/stats/summary?province=Narnia', 'province.0'],
    ['/api/stats/summary?from=2025-02-01&to=2025-01-01', 'to'],
    ['/api/stats/summary?range=7d&from=2025-01-01', 'range'],
    ['/api/stats/summary?provinces=KP', 'provinces'],
    ['/api/stats/timeseries?bucket=year', 'bucket'],
    ['/api/stats/timeseries?range=90d&bucket=hour', 'bucket'],
    ['/api/stats/breakdown', 'by'],
    ['/api/stats/breakdown?by=district', 'by'],
    ['/api/stats/breakdown?by=group&top=x', 'top'],
  ])('%s is a 400 naming %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    const error = body.error as { code: string; fields: Record<string, string> };
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields)).toContain(field);
  });
});
