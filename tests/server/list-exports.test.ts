/**
 * CSV downloads of operations, the groups table and one group's figures over time: the rows the
 * pages show, empty cells for figures not reported, formula cells defused, filters and bad
 * parameters answered like the lists (400 naming the field).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, groupInput, incidentInput, operationInput, tokenFor } from './api-support';

describe.each(drivers)('list exports on %s', (driver) => {
  let server: TestServer;
  let token: string;
  let groupId: string;
  let shortName: string;
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const table = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
    const [head, ...rows] = parse(await res.text()) as string[][];
    return { head: head!, rows, col: (row: string[], name: string) => row[head!.indexOf(name)] };
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
    const admin = await addUser(server, 'admin@example.org', 'admin');
    token = await tokenFor(server, admin.id);
    const g = groupInput(1);
    const created = await call(server, 'POST', '/api/groups', {
      token,
      body: {
        ...g,
        fullName: '=HYPERLINK("http://evil.example")',
        strengthEstimates: [{ low: 10, high: 20, asOf: '2024-01-01', source: 'UN' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    groupId = created.body.group.id;
    shortName = g.shortName;
    for (const [n, body] of [
      { ...operationInput(), groupId, summary: '@SUM(A1)', militantsArrested: null },
      { ...operationInput(), occurredAt: '2025-04-02T00:00:00Z', province: 'Balochistan', kind: 'clearance', count: 4 },
    ].entries()) {
      const res = await call(server, 'POST', '/api/operations', { token, body });
      expect(res.status, `${n} ${JSON.stringify(res.body)}`).toBe(201);
    }
    for (const n of [1, 2]) {
      const res = await call(server, 'POST', '/api/incidents', { token, body: { ...incidentInput(n), groupId } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('exports the operations of a view: filters as the list, not reported left empty, formulas defused', async () => {
    const all = await table('/api/export/operations.csv');
    expect(all.rows).toHaveLength(2);
    const [first, second] = all.rows as [string[], string[]];
    expect(all.col(first, 'day')).toBe('2025-03-15');
    expect(all.col(first, 'group')).toBe(shortName);
    expect(all.col(first, 'militants_killed')).toBe('3');
    expect(all.col(first, 'militants_arrested')).toBe('');
    expect(all.col(first, 'summary')).toBe("'@SUM(A1)");
    expect(all.col(second, 'operations')).toBe('4');
    const kp = await table(`/api/export/operations.csv?province=Balochistan`);
    expect(kp.rows.map((r) => kp.col(r, 'kind'))).toEqual(['clearance']);
    const byName = await table(`/api/export/operations.csv?group=${shortName.toLowerCase()}`);
    expect(byName.rows).toHaveLength(1);
    const bad = await get('/api/export/operations.csv?type=clash');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: object } }).error.fields).toHaveProperty('type');
    expect((await get('/api/export/operations.csv?from=yesterday')).status).toBe(400);
    expect((await fetch(`${server.url}/api/export/operations.csv`)).status).toBe(401);
  });

  it('exports the groups table with the latest estimate and the recorded incidents', async () => {
    const groups = await table('/api/export/groups.csv');
    const row = groups.rows.find((r) => groups.col(r, 'short_name') === shortName)!;
    expect(groups.col(row, 'full_name')).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(groups.col(row, 'strength_low')).toBe('10');
    expect(groups.col(row, 'strength_high')).toBe('20');
    expect(groups.col(row, 'incidents_all')).toBe('2');
    // incidentInput(n) gives n "at least" and n + 2 "up to" killed.
    expect(groups.col(row, 'killed_all_low')).toBe('3');
    expect(groups.col(row, 'killed_all_high')).toBe('7');
    expect(groups.col(groups.rows.at(-1)!, 'short_name')).toBe('Unknown / unclaimed');
    expect((await get('/api/export/groups.csv?sort=x')).status).toBe(400);
  });

  it("exports one group's figures per month, by short name or id; a missing or unknown group is a 400", async () => {
    const byName = await table(`/api/export/group.csv?group=${shortName}&from=2025-03-01&to=2025-05-01`);
    expect(byName.rows.map((r) => byName.col(r, 'day'))).toEqual(['2025-03-01', '2025-04-01']);
    const march = byName.rows[0]!;
    expect(byName.col(march, 'incidents')).toBe('2');
    expect(byName.col(march, 'killed_security_forces')).toBe('3');
    expect(byName.col(march, 'killed_high')).toBe('7');
    expect(byName.col(march, 'operations')).toBe('1');
    const byId = await table(`/api/export/group.csv?group=${groupId}&from=2025-03-01&to=2025-05-01&bucket=week`);
    expect(byId.rows.length).toBeGreaterThan(2);
    for (const [query, field] of [
      ['', 'group'],
      ['?group=Nobody', 'group'],
      [`?group=${shortName}&bucket=year`, 'bucket'],
    ] as const) {
      const res = await get(`/api/export/group.csv${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)[0], query).toMatch(
        new RegExp(`^${field}`),
      );
    }
  });
});
