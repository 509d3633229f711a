/**
 * Duplicate candidates in the database on both drivers: found after the writes commit, kept
 * dismissed, merged and split through the versioned write path with every rollup equal to a
 * rebuild from the raw rows.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createIncident, createIncidents } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { mergeCandidate, resolveCandidate, splitIncident } from '../../core/duplicate/duplicate-verbs';
import { ConflictError } from '../../core/errors';
import { detectStep } from '../../db/duplicates/detect-duplicates';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { createImportBatches } from '../../core/import/import-batch';
import { CreateIncidentInput } from '../../core/incident/schema';
import { drivers, INCIDENT_TABLES, testCtx, useTestDatabase, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const peshawar = {
  occurredAt: '2024-03-10T09:00:00Z',
  province: 'KP',
  district: 'Peshawar',
  latitude: 34.01,
  longitude: 71.58,
  geoPrecision: 'exact',
  type: 'suicide_bombing',
};

describe.each(drivers)('duplicate candidates on %s', (driver) => {
  let database!: TestDatabase;
  useTestDatabase(driver, [...INCIDENT_TABLES], (d) => (database = d));

  const detect = async () => {
    for (;;) if (!(await detectStep(database, randomUUID)).more) break;
  };
  const candidates = async () =>
    rows<{ id: string; incident_a: string; incident_b: string; status: string; score: number; reasons: string[] }>(
      database.db,
      sql`select id, incident_a, incident_b, status, score, reasons from duplicate_candidates order by score desc`,
    );
  const cubes = async () => ({
    daily: await rows(
      database.db,
      sql`select * from incident_rollup_daily where incidents <> 0 order by day, country, province, group_key, type, category, target_type, verification`,
    ),
    narrow: await rows(
      database.db,
      sql`select * from incident_rollup_narrow where incidents <> 0 order by 1, 2, 3, 4, 5`,
    ),
  });
  /** Every rollup equals a rebuild from the raw rows. */
  const expectRollupsRebuilt = async () => {
    const kept = await cubes();
    await rebuildRollups(database.db, database.reportZone);
    expect(await cubes()).toEqual(kept);
  };

  it('finds a near-duplicate from another source and not an unrelated event', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({
      ctx,
      input: { ...peshawar, externalId: 'acled:PAK1', casualties: { killed: { not_specified: { low: 12 } } } },
    });
    const b = await createIncident({
      ctx,
      input: {
        ...peshawar,
        occurredAt: '2024-03-10T15:00:00Z',
        latitude: 34.03,
        type: 'ied_explosive',
        externalId: 'gtd:201403100001',
        casualties: { killed: { civilians: { low: 10, high: 14 } } },
      },
    });
    // Same day, same place, another type family: not a candidate.
    await createIncident({ ctx, input: { ...peshawar, type: 'kidnapping', externalId: 'gtd:2' } });
    // Same place, a week later: not a candidate.
    await createIncident({ ctx, input: { ...peshawar, occurredAt: '2024-03-17T09:00:00Z', externalId: 'gtd:3' } });
    // Same day, same province, another district far away.
    await createIncident({
      ctx,
      input: { ...peshawar, district: 'Dera Ismail Khan', latitude: 31.83, longitude: 70.9, externalId: 'gtd:4' },
    });
    expect(await candidates()).toEqual([]);
    await detect();
    const found = await candidates();
    expect(found).toHaveLength(1);
    expect([found[0]!.incident_a, found[0]!.incident_b].sort()).toEqual([a.record.id, b.record.id].sort());
    expect(found[0]!.status).toBe('open');
    expect(found[0]!.reasons.join('; ')).toMatch(/same day \(2024-03-10\).*km apart.*both explosions/);
  });

  it('finds the pairs of an import batch in one step, and never proposes a dismissed pair again', async () => {
    const ctx = testCtx(database);
    const made = await ctx.store.transact((tx) =>
      createIncidents({
        ctx,
        tx,
        inputs: [
          { ...peshawar, externalId: 'acled:1' },
          { ...peshawar, externalId: 'gtd:1', latitude: 34.02 },
          {
            ...peshawar,
            province: 'Balochistan',
            district: 'Quetta',
            latitude: 30.18,
            longitude: 66.99,
            externalId: 'acled:2',
          },
          {
            ...peshawar,
            province: 'Balochistan',
            district: 'Quetta',
            latitude: 30.2,
            longitude: 67.0,
            externalId: 'gtd:2',
          },
        ],
      }),
    );
    const step = await detectStep(database, randomUUID);
    expect(step.more).toBe(false);
    const found = await candidates();
    expect(found).toHaveLength(2);
    const { answer: dismissed } = await resolveCandidate({ ctx, id: found[0]!.id, status: 'dismissed' });
    expect(dismissed.status).toBe('dismissed');
    await expect(resolveCandidate({ ctx, id: found[0]!.id, status: 'later' })).rejects.toBeInstanceOf(ConflictError);
    // An edit re-scores the pair, but a dismissed pair stays dismissed.
    const edited = made.find((m) => m.record.id === found[0]!.incident_a)!;
    await updateIncident({ ctx, id: edited.record.id, input: { version: 1, summary: 'edited' } });
    await detect();
    expect((await candidates()).find((c) => c.id === found[0]!.id)?.status).toBe('dismissed');
    expect((await candidates()).filter((c) => c.status === 'open')).toHaveLength(1);
  });

  it('withdraws an unresolved pair that an edit makes another event', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({ ctx, input: { ...peshawar, externalId: 'acled:1' } });
    await createIncident({ ctx, input: { ...peshawar, externalId: 'gtd:1' } });
    await detect();
    expect(await candidates()).toHaveLength(1);
    await updateIncident({ ctx, id: a.record.id, input: { version: 1, occurredAt: '2024-04-10T09:00:00Z' } });
    await detect();
    expect(await candidates()).toEqual([]);
  });

  it('merges with the stated figure rule, counts the event once, and a split gives both back', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({
      ctx,
      input: {
        ...peshawar,
        externalId: 'acled:PAK1',
        geoPrecision: 'near',
        sources: [{ name: 'Dawn' }],
        casualties: { killed: { civilians: { low: 12, high: 15 } }, injured: { civilians: { low: 30 } } },
      },
    });
    const b = await createIncident({
      ctx,
      input: {
        ...peshawar,
        externalId: 'gtd:201403100001',
        verification: 'confirmed',
        sources: [{ name: 'GTD' }],
        casualties: { killed: { civilians: { low: 10, high: 18 } }, injured: { civilians: { low: null } } },
      },
    });
    await detect();
    const before = await cubes();
    const [candidate] = await candidates();
    const { answer: merged } = await mergeCandidate({ ctx, id: candidate!.id, input: undefined });
    // The confirmed record survives; figures: at least = largest low, up to = largest high.
    expect(merged.incident.id).toBe(b.record.id);
    expect(merged.incident.casualties.killed.civilians).toEqual({ low: 12, high: 18 });
    expect(merged.incident.casualties.injured.civilians).toEqual({ low: 30, high: null });
    expect(merged.incident.sources.map((s) => s.name).sort()).toEqual(['Dawn', 'GTD']);
    expect(merged.merged).toEqual([{ id: a.record.id, externalId: 'acled:PAK1' }]);
    const [gone] = await rows<{ retraction_reason: string }>(
      database.db,
      sql`select retraction_reason from incidents where id = ${a.record.id}`,
    );
    expect(gone!.retraction_reason).toBe(`merged into ${b.record.id}`);
    const [counted] = await rows<{ n: number }>(
      database.db,
      sql`select sum(incidents)::int as n from incident_rollup_daily`,
    );
    expect(counted!.n).toBe(1);
    expect((await candidates())[0]!.status).toBe('merged');
    await expectRollupsRebuilt();
    await expect(mergeCandidate({ ctx, id: candidate!.id, input: {} })).rejects.toBeInstanceOf(ConflictError);

    const { answer: split } = await splitIncident({ ctx, id: b.record.id });
    expect(split.restored.id).toBe(a.record.id);
    expect(split.restored.retractedAt).toBeNull();
    expect(split.incident.casualties).toEqual(b.record.casualties);
    expect(split.incident.sources).toEqual(b.record.sources);
    expect(await cubes()).toEqual(before);
    await expectRollupsRebuilt();
    expect((await candidates())[0]!.status).toBe('dismissed');
    await expect(splitIncident({ ctx, id: b.record.id })).rejects.toBeInstanceOf(ConflictError);
  });

  /** The open candidate of two records. */
  const candidateOf = async (x: string, y: string) => {
    const c = (await candidates()).find((r) => [r.incident_a, r.incident_b].sort().join() === [x, y].sort().join());
    expect(c).toBeDefined();
    return c!.id;
  };
  const liveMergesInto = async (id: string) =>
    (
      await rows<{ merged_id: string }>(
        database.db,
        sql`select merged_id from incident_merges where survivor_id = ${id} and split_at is null`,
      )
    ).map((r) => r.merged_id);

  it('splits an earlier merge out: the survivor keeps a later merge’s part and an edit made since', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({
      ctx,
      input: {
        ...peshawar,
        place: 'Peshawar city',
        sources: [{ name: 'Dawn' }],
        casualties: { killed: { civilians: { low: 5 } } },
      },
    });
    const b = await createIncident({
      ctx,
      input: {
        ...peshawar,
        latitude: 34.02,
        place: 'Qissa Khwani',
        summary: 'from the ACLED notes',
        externalId: 'acled:PAK9',
        sources: [{ name: 'ACLED' }],
        casualties: { killed: { civilians: { low: 12, high: 20 }, security_forces: { low: 4 } } },
      },
    });
    const c = await createIncident({
      ctx,
      input: {
        ...peshawar,
        latitude: 34.0,
        externalId: 'gtd:201403100009',
        verification: 'confirmed',
        sources: [{ name: 'GTD' }],
        casualties: { killed: { civilians: { low: 10, high: 15 } }, injured: { civilians: { low: 7 } } },
      },
    });
    await detect();
    const abId = await candidateOf(a.record.id, b.record.id);
    const acId = await candidateOf(a.record.id, c.record.id);
    await mergeCandidate({ ctx, id: abId, input: { survivor: a.record.id, pick: { place: b.record.id } } });
    const { answer: second } = await mergeCandidate({ ctx, id: acId, input: { survivor: a.record.id } });
    expect(second.incident).toMatchObject({ place: 'Qissa Khwani', summary: 'from the ACLED notes' });
    expect(second.incident.casualties.killed.civilians).toEqual({ low: 12, high: 20 });
    expect(second.merged.map((m) => m.id).sort()).toEqual([b.record.id, c.record.id].sort());
    // An operator corrects two things B brought after both merges.
    await updateIncident({
      ctx,
      id: a.record.id,
      input: {
        version: second.incident.version,
        summary: 'corrected by hand',
        casualties: {
          ...second.incident.casualties,
          killed: { ...second.incident.casualties.killed, security_forces: { low: 6, high: null } },
        },
      },
    });

    const { answer: split } = await splitIncident({ ctx, id: a.record.id, input: { merged: b.record.id } });
    expect(split.restored.id).toBe(b.record.id);
    expect(split.restored.retractedAt).toBeNull();
    const kept = split.incident;
    // B's place goes, A's comes back; the figures are what A and C make them; C's own figures stay.
    expect(kept.place).toBe('Peshawar city');
    expect(kept.casualties.killed.civilians).toEqual({ low: 10, high: 15 });
    expect(kept.casualties.injured.civilians).toEqual({ low: 7, high: null });
    expect(kept.verification).toBe('confirmed');
    expect(kept.sources.map((s) => s.name)).toEqual(['Dawn', 'GTD']);
    // What was edited since the merges keeps the edit.
    expect(kept.summary).toBe('corrected by hand');
    expect(kept.casualties.killed.security_forces).toEqual({ low: 6, high: null });
    expect(await liveMergesInto(a.record.id)).toEqual([c.record.id]);
    const status = Object.fromEntries((await candidates()).map((r) => [r.id, r.status]));
    expect(status[abId]).toBe('dismissed');
    expect(status[acId]).toBe('merged');
    await expectRollupsRebuilt();

    // An empty body splits the one left: A is its own record again, with the edits.
    const { answer: last } = await splitIncident({ ctx, id: a.record.id });
    expect(last.restored.id).toBe(c.record.id);
    expect(last.incident).toMatchObject({
      place: 'Peshawar city',
      verification: 'reported',
      summary: 'corrected by hand',
    });
    expect(last.incident.casualties.killed.civilians).toEqual({ low: 5, high: null });
    expect(last.incident.casualties.injured.civilians).toEqual({ low: null, high: null });
    expect(last.incident.casualties.killed.security_forces).toEqual({ low: 6, high: null });
    expect(last.incident.sources.map((s) => s.name)).toEqual(['Dawn']);
    expect(await liveMergesInto(a.record.id)).toEqual([]);
    await expectRollupsRebuilt();
    // Three live records again, each counted once.
    const [counted] = await rows<{ n: number }>(
      database.db,
      sql`select sum(incidents)::int as n from incident_rollup_daily`,
    );
    expect(counted!.n).toBe(3);
  });

  it('split of the latest merge keeps an edit made after it, and names a record that is not merged as a conflict', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({
      ctx,
      input: { ...peshawar, summary: 'own', casualties: { killed: { civilians: { low: 3 } } } },
    });
    const b = await createIncident({
      ctx,
      input: { ...peshawar, latitude: 34.02, place: 'Qissa Khwani', casualties: { killed: { civilians: { low: 9 } } } },
    });
    await detect();
    const [candidate] = await candidates();
    const { answer: merged } = await mergeCandidate({
      ctx,
      id: candidate!.id,
      input: { survivor: a.record.id, pick: { place: b.record.id, summary: b.record.id } },
    });
    expect(merged.incident.place).toBe('Qissa Khwani');
    expect(merged.incident.summary).toBeNull();
    await updateIncident({ ctx, id: a.record.id, input: { version: merged.incident.version, place: 'Khyber Bazaar' } });
    await expect(splitIncident({ ctx, id: a.record.id, input: { merged: a.record.id } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(splitIncident({ ctx, id: a.record.id, input: { merged: 'nope' } })).rejects.toMatchObject({
      fields: { merged: 'must be the id of a record merged into this incident' },
    });
    const { answer: split } = await splitIncident({ ctx, id: a.record.id, input: {} });
    expect(split.restored.id).toBe(b.record.id);
    // The place group was edited since the merge: it keeps the edit; the rest goes back.
    expect(split.incident.place).toBe('Khyber Bazaar');
    expect(split.incident.summary).toBe('own');
    expect(split.incident.casualties.killed.civilians).toEqual({ low: 3, high: null });
    await expectRollupsRebuilt();
  });

  it('takes the fields an operator picks, and refuses a record outside the pair', async () => {
    const ctx = testCtx(database);
    const a = await createIncident({ ctx, input: { ...peshawar, place: 'Qissa Khwani', summary: 'from the paper' } });
    const b = await createIncident({
      ctx,
      input: { ...peshawar, place: 'Peshawar city', casualties: { killed: { civilians: { low: 40 } } } },
    });
    await detect();
    const [candidate] = await candidates();
    await expect(mergeCandidate({ ctx, id: candidate!.id, input: { survivor: randomUUID() } })).rejects.toMatchObject({
      fields: { survivor: 'must be the id of one of the two records' },
    });
    const { answer: merged } = await mergeCandidate({
      ctx,
      id: candidate!.id,
      input: { survivor: a.record.id, pick: { place: b.record.id, casualties: a.record.id } },
    });
    expect(merged.incident.id).toBe(a.record.id);
    expect(merged.incident.place).toBe('Peshawar city');
    expect(merged.incident.casualties).toEqual(a.record.casualties);
    expect(merged.choices).toMatchObject({ survivor: a.record.id, place: b.record.id, casualties: a.record.id });
    await expectRollupsRebuilt();
  });

  it('a re-import of a merged-away source id updates the survivor instead of bringing the record back', async () => {
    const ctx = testCtx(database);
    const sink = createImportBatches(ctx);
    const row = (killed: number, source: string) => ({
      kind: 'incident' as const,
      externalId: 'acled:PAK77',
      input: CreateIncidentInput.parse({
        ...peshawar,
        occurredAt: '2024-03-10',
        externalId: 'acled:PAK77',
        sources: [{ name: source }],
        casualties: { killed: { not_specified: { low: killed } } },
      }),
    });
    expect(await sink.writeBatch([row(8, 'Dawn')])).toEqual(['imported']);
    const own = await createIncident({
      ctx,
      input: { ...peshawar, verification: 'confirmed', casualties: { killed: { not_specified: { low: 6 } } } },
    });
    await detect();
    const [candidate] = await candidates();
    const { answer: merged } = await mergeCandidate({ ctx, id: candidate!.id, input: {} });
    expect(merged.incident.id).toBe(own.record.id);
    expect(merged.incident.casualties.killed.not_specified.low).toBe(8);

    // The same row again: nothing to do. A revised row: the survivor takes it in by the figure rule.
    expect(await sink.writeBatch([row(8, 'Dawn')])).toEqual(['unchanged']);
    expect(await sink.writeBatch([row(11, 'Express Tribune')])).toEqual(['changed']);
    const [survivor] = await rows<{ killed_not_specified_low: number; sources: { name: string }[]; version: number }>(
      database.db,
      sql`select killed_not_specified_low, sources, version from incidents where id = ${own.record.id}`,
    );
    expect(survivor!.killed_not_specified_low).toBe(11);
    expect(survivor!.sources.map((x) => x.name)).toEqual(['Dawn', 'Express Tribune']);
    expect(await sink.writeBatch([row(11, 'Express Tribune')])).toEqual(['unchanged']);
    const live = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from incidents where retracted_at is null`,
    );
    expect(live[0]!.n).toBe(1);
    await expectRollupsRebuilt();
  });
});
