/**
 * The import sink on both drivers: new rows in one batch path, changed rows through the update
 * verbs, unchanged rows written not at all, and one bad row never costing the others.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroup, retractGroup } from '../../core/group/group-verbs';
import { createIncident } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { CreateIncidentInput } from '../../core/incident/schema';
import { CreateOperationInput } from '../../core/operation/schema';
import type { ImportItem } from '../../core/import/import-sink';
import { importAcled } from '../../core/import/import-file';
import type { Store } from '../../core/ports';
import { StoreUnavailableError } from '../../core/errors';
import { createImportBatches } from '../../core/import/import-batch';
import { isStoreFailure } from '../../db/import-sink';
import { count, rows } from '../support/rows';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';

const incident = (n: number, extra: Record<string, unknown> = {}): ImportItem => ({
  kind: 'incident',
  externalId: `acled:T${n}`,
  input: CreateIncidentInput.parse({
    occurredAt: `2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
    province: 'KP',
    type: 'armed_assault',
    externalId: `acled:T${n}`,
    casualties: { killed: { not_specified: { low: n % 5 } } },
    sources: [{ name: 'Dawn' }],
    ...extra,
  }),
});

const operation = (n: number, extra: Record<string, unknown> = {}): ImportItem => ({
  kind: 'operation',
  externalId: `acled:T${n}`,
  input: CreateOperationInput.parse({
    occurredAt: '2024-03-02',
    province: 'KP',
    kind: 'other',
    externalId: `acled:T${n}`,
    ...extra,
  }),
});

describe.each(drivers)('the import sink on %s', (driver) => {
  let database: TestDatabase;
  const tables = [
    'incidents',
    'operations',
    'changes',
    'incident_rollup_daily',
    'operation_rollup_daily',
    'group_strength_estimates',
    'groups',
  ];

  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')}`));
    await database.db.execute(sql`UPDATE stream_meta SET top = 0`);
  });

  const killedTotal = async () =>
    Number(
      (
        await rows<{ n: number }>(
          database.db,
          sql`select coalesce(sum(killed_low_not_specified), 0)::int as n from incident_rollup_daily`,
        )
      )[0]!.n,
    );

  it('imports new rows, then counts a re-import as updated without writing anything', async () => {
    const sink = createImportBatches(testCtx(database));
    const items = Array.from({ length: 40 }, (_, i) => incident(i));
    expect(await sink.writeBatch(items)).toEqual(items.map(() => 'imported'));
    expect(await count(database.db, 'incidents')).toBe(40);
    expect(await count(database.db, 'changes')).toBe(40);
    const killed = items.reduce(
      (a, i) => a + (i.kind === 'incident' ? (i.input.casualties.killed.not_specified.low ?? 0) : 0),
      0,
    );
    expect(await killedTotal()).toBe(killed);

    expect(await sink.writeBatch(items)).toEqual(items.map(() => 'unchanged'));
    expect(await count(database.db, 'incidents')).toBe(40);
    expect(await count(database.db, 'changes')).toBe(40);
    const versions = await rows<{ v: number }>(database.db, sql`select distinct version as v from incidents`);
    expect(versions.map((r) => r.v)).toEqual([1]);
  });

  it('rewrites a changed row set-based: new version, change entry, rollup delta', async () => {
    const sink = createImportBatches(testCtx(database));
    await sink.writeBatch([incident(1), incident(2)]);
    const before = await killedTotal();
    const changed = incident(1, { casualties: { killed: { not_specified: { low: 11 } } }, province: 'Balochistan' });
    expect(await sink.writeBatch([changed, incident(2), incident(3)])).toEqual(['changed', 'unchanged', 'imported']);
    const [row] = await rows<{ version: number; province: string; k: number }>(
      database.db,
      sql`select version, province, killed_not_specified_low as k from incidents where external_id = 'acled:T1'`,
    );
    expect(row).toEqual({ version: 2, province: 'Balochistan', k: 11 });
    expect(await killedTotal()).toBe(before - 1 + 11 + 3);
    const log = await rows<{ action: string }>(database.db, sql`select action from changes order by seq`);
    expect(log.map((r) => r.action).sort()).toEqual(['created', 'created', 'created', 'updated']);
  });

  it('keeps the valid rows of a batch when one fails inside the database', async () => {
    const ctx = testCtx(database);
    const { record: group } = await createGroup({ ctx, input: { shortName: 'GONE', fullName: 'Retracted group' } });
    await retractGroup({ ctx, id: group.id, input: { reason: 'merged into another group' } });
    const items = [
      incident(1),
      incident(2, { groupId: group.id }),
      incident(3),
      operation(4),
      incident(5, { groupId: randomUUID() }),
    ];
    const outcomes = await createImportBatches(ctx).writeBatch(items);
    expect(outcomes[0]).toBe('imported');
    expect(outcomes[1]).toEqual({ error: expect.stringMatching(/groupId: no such group/) });
    expect(outcomes[2]).toBe('imported');
    expect(outcomes[3]).toBe('imported');
    expect(outcomes[4]).toEqual({ error: expect.stringMatching(/no such group/) });
    expect(await count(database.db, 'incidents')).toBe(2);
    expect(await count(database.db, 'operations')).toBe(1);
    const written = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from changes where entity in ('incident', 'operation')`,
    );
    expect(written[0]!.n).toBe(3);
  });

  it('never undoes a retraction, and refuses an event id held by the other kind', async () => {
    const ctx = testCtx(database);
    const sink = createImportBatches(ctx);
    await sink.writeBatch([incident(1), incident(2), operation(3)]);
    const [{ id }] = (await rows<{ id: string }>(
      database.db,
      sql`select id from incidents where external_id = 'acled:T1'`,
    )) as [{ id: string }];
    await retractIncident({ ctx, id, input: { reason: 'duplicate report' } });
    const outcomes = await sink.writeBatch([incident(1), incident(2, { summary: 'corrected' }), incident(3)]);
    expect(outcomes[0]).toBe('unchanged'); // identical: nothing to do, retracted or not
    expect(outcomes[1]).toBe('changed');
    expect(outcomes[2]).toEqual({ error: expect.stringMatching(/recorded here as operation/) });
    const changedRetracted = await sink.writeBatch([incident(1, { summary: 'changed' })]);
    expect(changedRetracted[0]).toEqual({ error: expect.stringMatching(/retracted/) });
    const [t1] = await rows<{ retracted: boolean; summary: string | null }>(
      database.db,
      sql`select retracted_at is not null as retracted, summary from incidents where id = ${id}`,
    );
    expect(t1).toEqual({ retracted: true, summary: null });
  });

  it('matches a BW-<id> row of our own export to its native record and leaves that record alone', async () => {
    const ctx = testCtx(database);
    const { record } = await createIncident({
      ctx,
      input: {
        occurredAt: '2024-01-01',
        province: 'Sindh',
        type: 'kidnapping',
        casualties: { injured: { civilians: { low: 4 } } },
      },
    });
    const own: ImportItem = {
      ...incident(9, { externalId: `acled:BW-${record.id}` }),
      externalId: `acled:BW-${record.id}`,
    };
    const foreignId = randomUUID();
    const foreign: ImportItem = {
      ...incident(10, { externalId: `acled:BW-${foreignId}` }),
      externalId: `acled:BW-${foreignId}`,
    };
    expect(await createImportBatches(ctx).writeBatch([own, foreign])).toEqual(['unchanged', 'imported']);
    const stored = await rows<{ id: string; version: number; external_id: string | null }>(
      database.db,
      sql`select id, version, external_id from incidents order by created_at`,
    );
    expect(stored).toEqual([
      { id: record.id, version: 1, external_id: null },
      { id: expect.any(String), version: 1, external_id: `acled:BW-${foreignId}` },
    ]);
  });

  it('updates operations as well as incidents', async () => {
    const sink = createImportBatches(testCtx(database));
    await sink.writeBatch([operation(1), operation(2)]);
    expect(await sink.writeBatch([operation(1, { kind: 'cordon_and_search' }), operation(2)])).toEqual([
      'changed',
      'unchanged',
    ]);
    const kinds = await rows<{ kind: string; version: number }>(
      database.db,
      sql`select kind, version from operations order by external_id`,
    );
    expect(kinds).toEqual([
      { kind: 'cordon_and_search', version: 2 },
      { kind: 'other', version: 1 },
    ]);
  });
});

describe('store failures', () => {
  const lost = Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' });
  // A Store says that it failed with the typed error (db/store.ts translates the driver's).
  const failing: Store = {
    transact: () =>
      Promise.reject(new StoreUnavailableError('not-committed', new Error('Failed query', { cause: lost }))),
  };

  it('are told apart from row failures', () => {
    expect(isStoreFailure(new Error('Failed query', { cause: lost }))).toBe(true);
    expect(isStoreFailure(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isStoreFailure(Object.assign(new Error('violates check constraint'), { code: '23514' }))).toBe(false);
  });

  it('stop the import with the reason instead of marking every later row as failed', async () => {
    const ctx = {
      store: failing,
      actor: { id: null, label: 'test', role: 'system' as const },
      now: () => new Date(),
      newId: randomUUID,
      reportZone: 'Asia/Karachi',
    };
    const csv =
      'event_id_cnty,event_date,event_type,actor1,inter1,country,admin1,fatalities\nPAK1,2024-01-02,Battles,Unidentified Armed Group (Pakistan),3,Pakistan,Sindh,1\n';
    const report = await importAcled({ input: [csv], sink: createImportBatches(ctx) });
    expect(report.rows).toBe(1);
    expect(report.errorCount).toBe(1);
    expect(report.stopped?.message).toMatch(/saving the rows from this line failed/);
  });
});
