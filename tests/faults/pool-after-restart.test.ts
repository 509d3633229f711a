/**
 * The pool after PostgreSQL restarts: each pooled connection the shutdown terminated stays in the
 * pool until the app reads its close, and fails the first query sent to it. Reads outside a
 * transaction run once more on a fresh connection (db/client.ts); writes are not repeated there.
 * Stopping and starting the cluster synchronously keeps this process from reading the closes in
 * between, so every pooled connection is such a connection when the first reads go out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isPlainRead, openDatabase, type Database } from '../../db/client';
import { isConnectionFailure } from '../../db/driver-errors';
import { createCluster, type PgCluster } from '../support/pg-cluster';

const POOL = 4;

describe('the PostgreSQL pool after a restart', () => {
  let cluster: PgCluster;
  let database: Database;
  beforeAll(async () => {
    cluster = await createCluster();
    database = await openDatabase({ url: cluster.url, max: POOL });
    await database.db.execute(sql`create table marks (n int)`);
  });
  afterAll(async () => {
    await database?.close();
    cluster?.destroy();
  });

  /** Opens every pooled connection, then restarts the database before the app can see it. */
  async function restartUnderOpenPool() {
    await Promise.all(Array.from({ length: POOL }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
    cluster.stop('fast');
    cluster.start();
  }

  it('answers every read after the restart, from the first one on', async () => {
    await restartUnderOpenPool();
    const answers: unknown[] = [];
    for (let i = 0; i < POOL * 2; i++) {
      const rows = await database.db.execute(sql`select ${i}::int as n`);
      answers.push((rows as unknown as { n: number }[])[0]!.n);
    }
    expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Concurrent reads (each on its own connection) as well, after a second restart.
    await restartUnderOpenPool();
    const many = await Promise.all(
      Array.from({ length: POOL }, (_, i) => database.db.execute(sql`select ${i}::int as n`)),
    );
    expect(many.map((r) => (r as unknown as { n: number }[])[0]!.n)).toEqual([0, 1, 2, 3]);
  });

  it('does not repeat a write outside a transaction: its failure reaches the caller', async () => {
    await restartUnderOpenPool();
    const failures: unknown[] = [];
    for (let i = 0; i < POOL; i++) {
      await database.db.execute(sql`insert into marks values (${i})`).catch((err: unknown) => failures.push(err));
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(isConnectionFailure)).toBe(true);
  });

  it('tells plain reads from statements with effects', () => {
    expect(isPlainRead('select "id" from "incidents" where "id" = $1')).toBe(true);
    expect(isPlainRead('  WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isPlainRead('select "updated_at", "deleted" from t')).toBe(true);
    expect(isPlainRead('update "api_tokens" set "last_used_at" = now()')).toBe(false);
    expect(isPlainRead('with moved as (delete from q returning *) select * from moved')).toBe(false);
    expect(isPlainRead('select pg_notify($1, $2)')).toBe(false);
    expect(isPlainRead('select pg_try_advisory_lock(1)')).toBe(false);
    expect(isPlainRead('select * from t for update')).toBe(false);
    expect(isPlainRead('insert into t values (1)')).toBe(false);
  });
});
