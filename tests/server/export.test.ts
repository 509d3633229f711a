/**
 * GET /api/export/incidents.csv|json on a real server, both drivers: ACLED's columns in order then
 * ours, the dashboard's filters, streamed pages, access; and the round trip: export, import into an
 * empty database, and the aggregates (by province, day, group, killed total, type, target) agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, TARGET_TYPES, type IncidentType, type TargetType } from '../../core/enums';
import { createGroup } from '../../core/group/group-verbs';
import { createIncidents } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import type { Db } from '../../db/client';
import { ACLED_EXPORT_COLUMNS, EXTRA_EXPORT_COLUMNS } from '../../db/queries/export';
import { count, rows } from '../support/rows';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';

const system = { id: null, label: 'system:test', role: 'system' as const };
const NOTES = [
  'Militants attacked a checkpoint.',
  'A shopkeeper was shot dead by gunmen.',
  'A drone strike hit a compound.',
  null,
];
const PLACES: [string, string, string | null][] = [
  ['Pakistan', 'KP', 'Peshawar'],
  ['Pakistan', 'KP-MD', 'North Waziristan'],
  ['Pakistan', 'KP-MD', 'Tirah'],
  ['Pakistan', 'KP-MD', null],
  ['Pakistan', 'Balochistan', 'Quetta'],
  ['Pakistan', 'Sindh', null],
  ['Pakistan', 'ICT', 'Islamabad'],
  ['Pakistan', 'AJK', 'Muzaffarabad'],
  ['Pakistan', 'Gilgit-Baltistan', 'Diamer'],
  ['Pakistan', 'Punjab', 'Lahore'],
  ['Afghanistan', 'Kunar', 'Asadabad'],
];

function incidentInputs(n: number, groupIds: (string | null)[]) {
  let s = 20250101;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const [country, province, district] = pick(PLACES);
    const day = new Date(
      Date.UTC(2023, 0, 1) + Math.floor(next() * 700) * 86_400_000 + Math.floor(next() * 86_400_000),
    );
    return {
      occurredAt: day.toISOString(),
      country,
      province,
      district,
      place: next() < 0.5 ? null : `Village ${i}`,
      latitude: next() < 0.2 ? null : 30 + next(),
      longitude: null as number | null,
      type: INCIDENT_TYPES[i % INCIDENT_TYPES.length]!,
      targetType: pick(TARGET_TYPES),
      groupId: pick(groupIds),
      casualties: {
        killed: {
          civilians: { low: Math.floor(next() * 4), high: null },
          security_forces: { low: Math.floor(next() * 3), high: 5 },
          militants: { low: Math.floor(next() * 2) },
        },
        injured: { not_specified: { low: Math.floor(next() * 6) } },
      },
      summary: pick(NOTES),
      sources: [{ name: 'Dawn', url: 'https://www.dawn.com/news/1' }],
      externalId: i % 7 === 0 ? `acled:PAK${9000 + i}` : null,
    };
  }).map((input) => ({ ...input, longitude: input.latitude === null ? null : 70 + (input.latitude % 1) }));
}

/** What ACLED's vocabulary keeps of a type (see db/queries/export.ts): the documented losses, no others. */
function typeAfterRoundTrip(type: IncidentType, notes: string | null): IncidentType {
  const killing = /shot dead/.test(notes ?? '');
  if (type === 'cross_border') return 'clash';
  if (type === 'infrastructure_sabotage') return 'ied_explosive';
  if (type === 'targeted_killing') return killing ? type : 'armed_assault';
  if (type === 'armed_assault') return killing ? 'clash' : type;
  if (type === 'other') return /drone strike/.test(notes ?? '') ? type : killing ? 'targeted_killing' : 'armed_assault';
  return type;
}
const targetAfterRoundTrip = (t: TargetType): TargetType =>
  ['security_forces', 'police', 'government', 'civilians'].includes(t) ? t : 'other';

const live = sql`retracted_at is null`;
async function aggregate(db: Db, select: SQL): Promise<Record<string, number>> {
  const out = await rows<{ k: string; n: number | string }>(
    db,
    sql`select ${select} as k, count(*)::int as n from incidents where ${live} group by 1 order by 1`,
  );
  return Object.fromEntries(out.map((r) => [String(r.k), Number(r.n)]));
}
const killedTotal = async (db: Db) =>
  Number(
    (
      await rows<{ n: number }>(
        db,
        sql`select sum(killed_civilians_low + killed_security_forces_low + killed_militants_low + killed_not_specified_low)::int as n from incidents where ${live}`,
      )
    )[0]!.n,
  );

describe.each(drivers)('incident exports on %s', (driver) => {
  let a: TestServer;
  let b: TestServer;
  const tokens = { viewer: '', operator: '', operatorB: '' };
  const N = 640;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(driver), startTestServer(driver)]);
    tokens.viewer = await tokenFor(a, (await addUser(a, 'viewer@example.org', 'viewer')).id);
    tokens.operator = await tokenFor(a, (await addUser(a, 'operator@example.org', 'operator')).id);
    tokens.operatorB = await tokenFor(b, (await addUser(b, 'operator@example.org', 'operator')).id);
    const groupIds: (string | null)[] = [null];
    for (const server of [a, b]) {
      for (const shortName of ['TTP', 'BLA']) {
        const { record } = await createGroup({
          ctx: server.runtime.ctx(system),
          input: { shortName, fullName: `${shortName} (test)` },
        });
        if (server === a) groupIds.push(record.id);
      }
    }
    const ctx = a.runtime.ctx(system);
    const created = await a.runtime.store.transact((tx) =>
      createIncidents({ ctx, inputs: incidentInputs(N, groupIds), tx }),
    );
    await retractIncident({ ctx, id: created[3]!.record.id, input: { reason: 'duplicate report' } });
  });
  afterAll(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  const download = async (server: TestServer, path: string, token = tokens.viewer) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  it('streams every live incident, oldest first, in ACLED column order with our columns after', async () => {
    const res = await download(a, '/api/export/incidents.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="incidents-acled-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('export-position')).toMatch(/^[\w-]+:\d+$/);
    const [header, ...records] = parse(res.text) as string[][];
    expect(header).toEqual([...ACLED_EXPORT_COLUMNS, ...EXTRA_EXPORT_COLUMNS]);
    expect(records).toHaveLength(N - 1);
    const at = header!.indexOf('occurred_at');
    expect(records.map((r) => r[at])).toEqual(records.map((r) => r[at]).sort());
    const ids = records.map((r) => r[0]!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('PAK')).length).toBeGreaterThan(50);
    expect(ids.filter((id) => /^BW-[0-9a-f-]{36}$/.test(id)).length).toBeGreaterThan(400);
  });

  it('applies the dashboard filters and refuses bad ones', async () => {
    const res = await download(a, '/api/export/incidents.csv?province=Sindh,ICT&type=clash');
    const [header, ...records] = parse(res.text) as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r[col('province')]))).toEqual(new Set(['Sindh', 'ICT']));
    expect(new Set(records.map((r) => r[col('type')]))).toEqual(new Set(['clash']));
    expect(new Set(records.map((r) => r[col('admin1')]))).toEqual(new Set(['Sindh', 'Islamabad Capital Territory']));
    const bad = await download(a, '/api/export/incidents.csv?province=Mars');
    expect(bad.status).toBe(400);
    expect(Object.keys(JSON.parse(bad.text).error.fields)).toEqual([expect.stringMatching(/^province/)]);
  });

  it('exports JSON in the API read shape, and only to signed-in readers', async () => {
    const res = await download(a, '/api/export/incidents.json?retracted=include');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { position: { seq: number }; incidents: { id: string; version: number }[] };
    expect(body.incidents).toHaveLength(N);
    expect(body.incidents.filter((i) => i.version === 2)).toHaveLength(1);
    expect((await fetch(`${a.url}/api/export/incidents.csv`)).status).toBe(401);
    expect(
      (await call(a, 'GET', '/api/export/incidents.json?from=2024-01-01&to=2023-01-01', { token: tokens.viewer }))
        .status,
    ).toBe(400);
  });

  it('imports into an empty database with the same aggregates, and re-imports without duplicating', async () => {
    const csv = (await download(a, '/api/export/incidents.csv')).text;
    const post = async (server: TestServer, token: string) => {
      const res = await fetch(`${server.url}/api/import/acled`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { rows: number; imported: number; updated: number; errorCount: number };
    };
    expect(await post(b, tokens.operatorB)).toMatchObject({ rows: N - 1, imported: N - 1, updated: 0, errorCount: 0 });

    const dbA = a.runtime.database.db;
    const dbB = b.runtime.database.db;
    for (const select of [
      sql`country || '/' || province`,
      sql`(occurred_at at time zone 'UTC')::date::text`,
      sql`coalesce(group_name, 'unknown')`,
    ]) {
      expect(await aggregate(dbB, select)).toEqual(await aggregate(dbA, select));
    }
    expect(await killedTotal(dbB)).toBe(await killedTotal(dbA));
    const original = await rows<{ type: IncidentType; target_type: TargetType; summary: string | null }>(
      dbA,
      sql`select type, target_type, summary from incidents where ${live}`,
    );
    const tally = <T extends string>(xs: T[]) =>
      xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});
    expect(await aggregate(dbB, sql`type`)).toEqual(tally(original.map((r) => typeAfterRoundTrip(r.type, r.summary))));
    expect(await aggregate(dbB, sql`target_type`)).toEqual(
      tally(original.map((r) => targetAfterRoundTrip(r.target_type))),
    );

    // A second import of the same file matches every row by its event id.
    expect(await post(b, tokens.operatorB)).toMatchObject({ rows: N - 1, imported: 0, updated: N - 1 });
    // Back into the database it came from: BW- rows find their native records and leave them alone
    // (ACLED's columns would degrade them); rows with an ACLED id follow the file, as any re-import.
    const native = sql`case when external_id is null then 'native v' || version else 'acled' end`;
    const versionsBefore = await aggregate(dbA, native);
    expect(await post(a, tokens.operator)).toMatchObject({ rows: N - 1, imported: 0, updated: N - 1, errorCount: 0 });
    expect(await aggregate(dbA, native)).toEqual(versionsBefore);
    expect(await count(dbA, 'incidents')).toBe(N);
    // And B's own export keeps the event ids, so ids stay stable across databases.
    const again = parse((await download(b, '/api/export/incidents.csv', tokens.operatorB)).text) as string[][];
    expect(new Set(again.slice(1).map((r) => r[0]))).toEqual(
      new Set((parse(csv) as string[][]).slice(1).map((r) => r[0])),
    );
  });
});
