/**
 * The import job table's rules on a real database: an id is never taken over, progress and the
 * end are stored, and an interrupted job's committed rows are counted from the change log (its
 * actor's writes of its source since it started, nobody else's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../core/incident/create-incident';
import { emptyImportReport } from '../../core/import/import-report';
import { ImportJobs } from '../../server/api/import-jobs';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';

const progress = (rows: number) => ({
  rows,
  imported: rows,
  updated: 0,
  skipped: 0,
  errorCount: 0,
  bytesRead: rows * 10,
});

describe.each(drivers)('import jobs on %s', (driver) => {
  let database: TestDatabase;
  const errors: unknown[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  const job = (id: string, owner: string, format: string | null = 'acled') => ({
    id,
    owner,
    actorId: owner,
    format,
    fileName: 'events.csv',
    totalBytes: 100,
  });

  const write = (actorId: string, externalId: string | null) =>
    createIncident({
      ctx: testCtx(database, { id: actorId, label: actorId, role: 'operator' }),
      input: { occurredAt: '2025-03-01T10:00:00Z', province: 'KP', type: 'ied_explosive', externalId },
    });

  it('refuses a running id and anyone else’s id, stores progress and the report', async () => {
    const jobs = new ImportJobs(database.db, 'node-a', (e) => errors.push(e));
    expect(await jobs.start(job('job-00001', 'u1'))).toBe(true);
    expect(await jobs.start(job('job-00001', 'u1'))).toBe(false);
    jobs.update('job-00001', progress(5));
    await jobs.finish('job-00001', {
      report: { ...emptyImportReport(), format: 'acled', rows: 9, imported: 7, updated: 2, changed: 1, unchanged: 1 },
      progress: progress(9),
    });
    expect(await jobs.get('job-00001', 'u1')).toMatchObject({
      state: 'done',
      fileName: 'events.csv',
      progress: { rows: 9 },
      report: { rows: 9 },
      committed: 8,
    });
    // Nobody else can read it or take the id over, finished or not.
    expect(await jobs.get('job-00001', 'u2')).toBeNull();
    expect(await jobs.start(job('job-00001', 'u2'))).toBe(false);
    expect(await jobs.start(job('job-00001', 'u1'))).toBe(true); // a finished id may be reused by its owner
    await jobs.finish('job-00001', { error: 'lost' });
    expect(await jobs.get('job-00001', 'u1')).toMatchObject({ state: 'failed', error: 'lost', report: null });
    expect((await jobs.recent('u1')).map((j) => j.id)).toEqual(['job-00001']);
    expect(await jobs.recent('u2')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('interrupts only its own node’s running jobs at start-up, counting what they committed', async () => {
    const a = new ImportJobs(database.db, 'node-a', (e) => errors.push(e));
    const b = new ImportJobs(database.db, 'node-b', (e) => errors.push(e));
    expect(await a.start(job('job-a-0001', 'u3'))).toBe(true);
    expect(await b.start(job('job-b-0001', 'u4', null))).toBe(true);
    await write('u3', 'acled:A1');
    await write('u3', 'acled:A2');
    await write('u3', 'ucdp:9'); // another source: not this job's
    await write('u3', null); // a native record: not an import
    await write('u5', 'acled:A3'); // someone else's
    const last = await write('u4', 'gtd:1');
    await write('u4', 'acled:A4');

    // node-a restarts: its job is interrupted, node-b's (fresh heartbeat) is left running.
    const restarted = new ImportJobs(database.db, 'node-a', (e) => errors.push(e));
    expect(await restarted.recover(false)).toEqual(['job-a-0001']);
    const interrupted = await restarted.get('job-a-0001', 'u3');
    expect(interrupted).toMatchObject({ state: 'interrupted', committed: 2 });
    expect(interrupted!.finishedAt).not.toBeNull();
    expect((await b.get('job-b-0001', 'u4'))!.state).toBe('running');

    // A format read from the header only (null when started): any source's rows count.
    expect(await new ImportJobs(database.db, 'node-b', () => {}).recover(false)).toEqual(['job-b-0001']);
    expect(await b.get('job-b-0001', 'u4')).toMatchObject({ state: 'interrupted', committed: 2 });
    expect((await b.get('job-b-0001', 'u4'))!.lastSeq).toBe(last.change.seq + 1);
    expect(errors).toEqual([]);
  });
});
