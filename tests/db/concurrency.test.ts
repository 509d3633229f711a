/**
 * Concurrent writers on PostgreSQL: seqs are contiguous and a reader polling `seq > last` never
 * sees a gap that a slower transaction fills later (seq order = commit order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

describe.skipIf(!process.env.TEST_DATABASE_URL)('concurrent writers on postgres (needs TEST_DATABASE_URL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('get contiguous seqs in commit order', { timeout: 120_000 }, async () => {
    const ctx = testCtx(database);
    const writers = 20;
    const perWriter = 15;
    let done = false;
    let last = 0;
    const seen: number[] = [];
    // The reader does what the live hub does: read everything after the last seq it saw.
    const reader = (async () => {
      while (!done || last < writers * perWriter) {
        const batch = await rows<{ seq: number }>(
          database.db,
          sql`select seq from changes where seq > ${last} order by seq`,
        );
        for (const { seq } of batch) {
          expect(Number(seq)).toBe(last + 1); // a gap here would be skipped for ever
          last = Number(seq);
          seen.push(last);
        }
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await createIncident({
            ctx,
            input: { occurredAt: '2025-01-01T00:00:00Z', province: 'KP', type: 'clash', summary: `writer ${w} #${i}` },
          });
        }
      }),
    );
    done = true;
    await reader;
    expect(seen).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i + 1));
    const [top] = await rows<{ top: number }>(database.db, sql`select top from stream_meta`);
    expect(Number(top!.top)).toBe(writers * perWriter);
  });
});
