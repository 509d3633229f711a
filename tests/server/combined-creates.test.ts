/**
 * Concurrent API creates commit together (core/write-combiner.ts): every caller still gets its own
 * record and change, seqs stay contiguous and in commit order, rollups count every one, and a
 * create that fails inside a batch fails alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { rows } from '../support/rows';
import { addUser, call, tokenFor } from './api-support';

describe.each(drivers)('combined creates on %s', (driver) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'ops@example.org', 'operator')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const incident = (i: number, externalId = `combined-${i}`) => ({
    occurredAt: '2025-02-03T10:00:00Z',
    province: i % 2 ? 'KP' : 'Balochistan',
    type: 'clash',
    externalId,
    casualties: { killed: { civilians: { low: i } } },
  });

  it('answers each of many concurrent creates with its own record and a contiguous seq', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(server, 'POST', '/api/incidents', { token, body: incident(i) })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(answers.map((a) => a.body.incident.externalId)).toEqual(answers.map((_, i) => `combined-${i}`));
    const seqs = answers.map((a) => a.body.change.seq as number).sort((a, b) => a - b);
    expect(seqs[seqs.length - 1]! - seqs[0]! + 1).toBe(40);
    const [r] = await rows<{ n: number; k: number }>(
      server.runtime.database.db,
      sql`select sum(incidents)::int as n, sum(killed_low_civilians)::int as k from incident_rollup_daily where day = '2025-02-03'`,
    );
    expect(r).toEqual({ n: 40, k: (39 * 40) / 2 });
  });

  it('fails only the create whose external id is taken, when it shares a batch', async () => {
    const answers = await Promise.all([
      call(server, 'POST', '/api/incidents', { token, body: incident(100) }),
      ...Array.from({ length: 10 }, (_, i) =>
        call(server, 'POST', '/api/incidents', { token, body: incident(200 + i, i === 4 ? 'combined-1' : undefined) }),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 400, 201, 201, 201, 201, 201]);
    expect(answers[5]!.body.error.fields.externalId).toMatch(/already used/);
  });
});
