/**
 * Two nodes starting at once on an empty PostgreSQL database: both migrate and seed the reference
 * data, one after the other (a start-up advisory lock), so neither trips over the other's rows
 * (the race used to fail one of them on `groups_short_name_key`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_GROUPS } from '../../core/seed/reference-data';
import { count } from '../support/rows';
import { createPostgresDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

describe.skipIf(!process.env.TEST_DATABASE_URL)('two nodes starting at once (needs TEST_DATABASE_URL)', () => {
  const servers: TestServer[] = [];
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const s of servers) await s.close();
    await drop?.();
  });

  it('both start on an empty database, and the reference data is seeded once', async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const start = () =>
      startTestServer('postgres', { databaseUrl: created.url, env: { REFERENCE_DATA: 'on' } }).then((s) => {
        servers.push(s);
        return s;
      });
    const outcomes = await Promise.allSettled([start(), start(), start()]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'started'))).toEqual([
      'started',
      'started',
      'started',
    ]);
    const db = servers[0]!.runtime.database.db;
    expect(await count(db, 'groups')).toBe(REFERENCE_GROUPS.length);
  });
});
