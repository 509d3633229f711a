import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident, createIncidents } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { createOperation } from '../../core/operation/create-operation';
import { createGroup, retractGroup } from '../../core/group/group-verbs';
import { createReferenceFigure, updateReferenceFigure } from '../../core/reference-figure/reference-figure-verbs';
import { createAnnotation } from '../../core/annotation/annotation-verbs';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { count, rows } from '../support/rows';

const base = { occurredAt: '2025-05-01T08:00:00Z', province: 'Balochistan', type: 'armed_assault' };

describe.each(drivers)('domain verbs on %s', (driver) => {
  let database: TestDatabase;
  const tables = [
    'incidents',
    'operations',
    'changes',
    'incident_rollup_daily',
    'operation_rollup_daily',
    'group_strength_estimates',
    'groups',
    'reference_figures',
    'annotations',
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

  const top = async () => Number((await rows<{ top: number }>(database.db, sql`select top from stream_meta`))[0]!.top);

  it('create, update and retract each write the row, a change and the rollup delta', async () => {
    const ctx = testCtx(database);
    const { record } = await createIncident({
      ctx,
      input: { ...base, casualties: { killed: { civilians: { low: 3 } } } },
    });
    const upd = await updateIncident({
      ctx,
      id: record.id,
      input: { version: 1, casualties: { killed: { civilians: { low: 5 } } } },
    });
    expect(upd.record.version).toBe(2);
    const ret = await retractIncident({ ctx, id: record.id, input: { reason: 'duplicate of an earlier report' } });
    expect(ret.record.retractedAt).not.toBeNull();
    const log = await rows<{ seq: number; action: string; version: number; actor: string }>(
      database.db,
      sql`select seq, action, version, actor from changes order by seq`,
    );
    expect(log.map((r) => [Number(r.seq), r.action, r.version, r.actor])).toEqual([
      [1, 'created', 1, 'test@example.org'],
      [2, 'updated', 2, 'test@example.org'],
      [3, 'retracted', 3, 'test@example.org'],
    ]);
    const [cell] = await rows<{ incidents: number; killed_low_civilians: number }>(
      database.db,
      sql`select incidents, killed_low_civilians from incident_rollup_daily`,
    );
    expect([Number(cell!.incidents), Number(cell!.killed_low_civilians)]).toEqual([0, 0]);
    expect(await count(database.db, 'incidents')).toBe(1); // retracted, never deleted
  });

  it('a failure inside the transaction leaves nothing behind', async () => {
    const ctx = testCtx(database);
    await expect(
      ctx.store.transact(async (tx) => {
        await createIncident({ ctx, input: base, tx });
        throw new Error('fails after the row, change and rollup were written');
      }),
    ).rejects.toThrow('fails after');
    for (const t of ['incidents', 'changes', 'incident_rollup_daily']) expect(await count(database.db, t)).toBe(0);
    expect(await top()).toBe(0);
  });

  it('a database constraint failure midway rolls the whole write back', async () => {
    const ctx = testCtx(database);
    const { record } = await createIncident({ ctx, input: base });
    // Bypass zod to reach the database's own CHECK on casualty figures.
    await expect(
      ctx.store.transact(async (tx) => {
        await tx.incidents.update({
          ...record,
          version: 2,
          casualties: { ...record.casualties, killed: { ...record.casualties.killed, civilians: { low: 4, high: 1 } } },
        });
      }),
    ).rejects.toThrow();
    const [row] = await rows<{ version: number }>(database.db, sql`select version from incidents`);
    expect(row!.version).toBe(1);
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const ctx = testCtx(database);
    const err = await createIncident({ ctx, input: { ...base, latitude: 100, longitude: 70 } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.code).toBe('validation');
    expect(Object.keys(err.fields)).toEqual(['latitude']);
    const unknownGroup = await createIncident({
      ctx,
      input: { ...base, groupId: '00000000-0000-4000-8000-000000000000' },
    }).catch((e) => e);
    expect(unknownGroup.fields).toEqual({ groupId: 'no such group' });
    expect(await count(database.db, 'incidents')).toBe(0);
    expect(await count(database.db, 'changes')).toBe(0);
  });

  it('refuses an edit on an outdated version with the current record, and edits of missing records', async () => {
    const ctx = testCtx(database);
    const { record } = await createIncident({ ctx, input: base });
    await updateIncident({ ctx, id: record.id, input: { version: 1, summary: 'first edit' } });
    const err = await updateIncident({ ctx, id: record.id, input: { version: 1, summary: 'stale edit' } }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.details.current.summary).toBe('first edit');
    await expect(
      updateIncident({ ctx, id: '00000000-0000-4000-8000-000000000001', input: { version: 1 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps external ids unique and group names resolved', async () => {
    const ctx = testCtx(database);
    const { record: ttp } = await createGroup({
      ctx,
      input: {
        shortName: 'TTP',
        fullName: 'Tehreek-e-Taliban Pakistan',
        strengthEstimates: [{ low: 6000, high: 6500, asOf: '2026-01-01', source: 'The Diplomat' }],
      },
    });
    const dup = await createGroup({ ctx, input: { shortName: 'ttp', fullName: 'x' } }).catch((e) => e);
    expect(dup.fields).toHaveProperty('shortName');
    const { record } = await createIncident({ ctx, input: { ...base, groupId: ttp.id, externalId: 'acled:1PAK' } });
    expect(record.groupName).toBe('TTP');
    const again = await createIncident({ ctx, input: { ...base, externalId: 'acled:1PAK' } }).catch((e) => e);
    expect(again.fields).toHaveProperty('externalId');
    await retractGroup({ ctx, id: ttp.id, input: { reason: 'merged into another record' } });
    const retractedGroup = await createIncident({ ctx, input: { ...base, groupId: ttp.id } }).catch((e) => e);
    expect(retractedGroup.fields).toEqual({ groupId: 'no such group' });
  });

  it('creates a batch with consecutive seqs, one rollup per cell, and all-or-nothing external ids', async () => {
    const ctx = testCtx(database);
    const inputs = Array.from({ length: 30 }, (_, i) => ({
      ...base,
      externalId: `batch:${i}`,
      casualties: { killed: { militants: { low: i } } },
    }));
    const made = await ctx.store.transact((tx) => createIncidents({ ctx, inputs, tx }));
    expect(made.map((m) => m.change.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const [cell] = await rows<{ incidents: number; killed_low_militants: number }>(
      database.db,
      sql`select incidents, killed_low_militants from incident_rollup_daily`,
    );
    expect([Number(cell!.incidents), Number(cell!.killed_low_militants)]).toEqual([30, 435]);
    const clash = await ctx.store
      .transact((tx) =>
        createIncidents({
          ctx,
          inputs: [
            { ...base, externalId: 'batch:new' },
            { ...base, externalId: 'batch:3' },
          ],
          tx,
        }),
      )
      .catch((e) => e);
    expect(clash).toBeInstanceOf(ValidationError);
    expect(await count(database.db, 'incidents')).toBe(30);
    expect(await top()).toBe(30);
  });

  it('operations, reference figures and annotations are versioned and logged too', async () => {
    const ctx = testCtx(database);
    await createOperation({
      ctx,
      input: { occurredAt: '2025-06-01', kind: 'intelligence_based', count: 40, militantsKilled: 7 },
    });
    await createReferenceFigure({
      ctx,
      input: { metric: 'IBOs', valueKind: 'lower_bound', value: 75000, periodLabel: '2025', sourceName: 'report' },
    });
    await createAnnotation({
      ctx,
      input: { date: '2021-08-01', datePrecision: 'month', kind: 'political', title: 'Change of government in Kabul' },
    });
    const entities = await rows<{ entity: string }>(database.db, sql`select entity from changes order by seq`);
    expect(entities.map((r) => r.entity)).toEqual(['operation', 'referenceFigure', 'annotation']);
    const [op] = await rows<{ operations: number; militants_killed: number }>(
      database.db,
      sql`select operations, militants_killed from operation_rollup_daily`,
    );
    expect([Number(op!.operations), Number(op!.militants_killed)]).toEqual([40, 7]);
    const badRange = await createReferenceFigure({
      ctx,
      input: { metric: 'x', valueKind: 'range', value: 5, periodLabel: 'p', sourceName: 's' },
    }).catch((e) => e);
    expect(badRange.fields).toHaveProperty('valueHigh');
    // A patch that is valid alone but breaks a rule of the whole record names the field.
    const { record: figure } = await createReferenceFigure({
      ctx,
      input: { metric: 'y', valueKind: 'exact', value: 10, periodLabel: 'p', sourceName: 's' },
    });
    const patched = await updateReferenceFigure({
      ctx,
      id: figure.id,
      input: { version: 1, valueKind: 'range', valueHigh: 5 },
    }).catch((e) => e);
    expect(patched).toBeInstanceOf(ValidationError);
    expect(patched.fields).toHaveProperty('valueHigh');
    const { record: located } = await createIncident({ ctx, input: { ...base, latitude: 30, longitude: 70 } });
    const oneCoordinate = await updateIncident({ ctx, id: located.id, input: { version: 1, latitude: null } }).catch(
      (e) => e,
    );
    expect(oneCoordinate.fields).toHaveProperty('latitude');
    // A patch changes what it names and nothing else (zod fills defaults in optional fields).
    const moved = await updateIncident({ ctx, id: located.id, input: { version: 1, latitude: 31 } });
    expect(moved.record).toMatchObject({
      latitude: 31,
      longitude: 70,
      province: 'Balochistan',
      type: 'armed_assault',
      summary: null,
    });
    const summarised = await updateIncident({ ctx, id: located.id, input: { version: 2, summary: 'checked' } });
    expect(summarised.record.latitude).toBe(31);
    expect(summarised.record.casualties).toEqual(located.casualties);
  });

  it('refuses an occurrence after the clock on create and on edit, naming occurredAt', async () => {
    const ctx = { ...testCtx(database), now: () => new Date('2026-12-01T12:00:00Z') };
    const future = createIncident({ ctx, input: { ...base, occurredAt: '2027-03-15' } });
    await expect(future).rejects.toBeInstanceOf(ValidationError);
    await expect(future).rejects.toMatchObject({ fields: { occurredAt: expect.stringMatching(/future/) } });
    const { record } = await createIncident({ ctx, input: base });
    const edit = updateIncident({
      ctx,
      id: record.id,
      input: { version: 1, occurredAt: '2026-12-01T18:00:00Z', timePrecision: 'exact' },
    });
    await expect(edit).rejects.toMatchObject({ fields: { occurredAt: expect.stringMatching(/later than now/) } });
    const op = createOperation({ ctx, input: { occurredAt: '2026-12-05', kind: 'intelligence_based' } });
    await expect(op).rejects.toMatchObject({ fields: { occurredAt: expect.stringMatching(/future/) } });
    expect(await count(database.db, 'incidents')).toBe(1);
  });
});
