/**
 * The named-actor rule has two forms: core's (core/import/derive-group.ts), which every write applies,
 * and the SQL one migration 0017 backfilled existing rows with. They agree on every generated set of
 * actors (property-based), and the backfill's rollup split equals a rebuild from the raw rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/common-schemas';
import { ACTOR_ROLES, INCIDENT_CATEGORIES } from '../../core/enums';
import { deriveNamedActor } from '../../core/import/derive-group';
import { createIncident } from '../../core/incident/create-incident';
import { createOperation } from '../../core/operation/create-operation';
import { MIGRATIONS_DIR } from '../../db/client';
import { rebuildStatements } from '../../db/rollups/rebuild';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const NAMES = [
  'Unidentified Armed Group (Pakistan)',
  'Unidentified Military Forces',
  'Unknown',
  'unknown gunmen',
  'n/a',
  'Tehrik-i-Taliban Pakistan (TTP)',
  'Foo Brigade',
  'Military Forces of Pakistan (2018-)',
  'Police Forces of Pakistan (2018-)',
  'Government of Afghanistan (2021-)',
  'Military Forces of India (2014-)',
  'Civilians (Pakistan)',
  'Protesters (Pakistan)',
  'Rioters (Pakistan)',
];
const INTERS = [
  null,
  '',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '0',
  '1.0',
  'State forces',
  'Rebel group',
  'Civilians',
  'External/Other forces',
];
const actor = fc.record({
  role: fc.constantFrom(...ACTOR_ROLES),
  name: fc.constantFrom(...NAMES),
  inter: fc.constantFrom(...INTERS),
});
const record = fc.record({
  actors: fc.array(actor, { maxLength: 5 }),
  kind: fc.constantFrom('incident' as const, 'operation' as const),
  category: fc.constantFrom(...INCIDENT_CATEGORIES),
});

/** The migration's statements, by their first words (the file is split as drizzle splits it). */
const migration = readFileSync(path.join(MIGRATIONS_DIR, '0017_named_actors.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim());
const backfill = migration.filter((s) => !/CREATE OR REPLACE FUNCTION|ALTER TABLE/.test(s.replace(/^--.*$/gm, '')));

describe.each(drivers)('named actors on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("the migration's SQL rule equals core's on every set of actors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 40 }), async (cases) => {
        const json = JSON.stringify(
          cases.map((c) => ({ actors: c.actors, op: c.kind === 'operation', category: c.category })),
        );
        const got = await rows<{ named: boolean }>(
          database.db,
          sql`SELECT named_actor_of(c.v->'actors', (c.v->>'op')::boolean, c.v->>'category') AS named
              FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS c(v, i) ORDER BY c.i`,
        );
        const want = cases.map((c) => deriveNamedActor({ actors: c.actors as Actor[], category: c.category }, c.kind));
        expect(got.map((r) => r.named)).toEqual(want);
      }),
      { numRuns: driver === 'pglite' ? 60 : 40 },
    );
  }, 120_000);

  it('the backfill sets the column as writes do and splits the rollup cells as a rebuild would', async () => {
    const ctx = testCtx(database);
    const perpetrator = (name: string) => [{ role: 'perpetrator', name }];
    const acled = (a1: string, i1: string, a2: string, i2: string) => [
      { role: 'actor1', name: a1, inter: i1 },
      { role: 'actor2', name: a2, inter: i2 },
    ];
    const base = {
      occurredAt: '2024-03-01T08:00:00Z',
      province: 'KP',
      type: 'armed_assault',
      sources: [{ name: 't' }],
    };
    for (const actors of [
      perpetrator('Foo Brigade'),
      perpetrator('Unknown'),
      acled('Foo Brigade', '3', 'Civilians (Pakistan)', '7'),
      acled('Unidentified Armed Group (Pakistan)', '3', 'Civilians (Pakistan)', '7'),
      [],
    ])
      await createIncident({ ctx, input: { ...base, actors } });
    for (const target of ['Foo Brigade', 'Unidentified Armed Group (Pakistan)'])
      await createOperation({
        ctx,
        input: {
          occurredAt: '2024-03-01',
          province: 'KP',
          kind: 'air_strike',
          actors: acled('Military Forces of Pakistan (2018-)', '1', target, '2'),
        },
      });
    const stored = async () => ({
      incidents: await rows(database.db, sql`SELECT id, named_actor FROM incidents ORDER BY id`),
      operations: await rows(database.db, sql`SELECT id, named_actor FROM operations ORDER BY id`),
      cells: await rows(
        database.db,
        sql`SELECT group_key, sum(incidents)::int AS n FROM incident_rollup_daily GROUP BY 1 ORDER BY 1`,
      ),
      opCells: await rows(
        database.db,
        sql`SELECT group_key, sum(records)::int AS n FROM operation_rollup_daily GROUP BY 1 ORDER BY 1`,
      ),
      narrow: await rows(
        database.db,
        sql`SELECT grain, key, sum(incidents)::int AS n FROM incident_rollup_narrow WHERE dim = 'group' GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    });
    const written = await stored();
    expect(written.cells).toEqual([
      { group_key: '', n: 3 },
      { group_key: 'other', n: 2 },
    ]);
    expect(written.opCells).toEqual([
      { group_key: '', n: 1 },
      { group_key: 'other', n: 1 },
    ]);

    // A database as it was before 0017: no record named, all of them in the '' cells.
    await database.db.execute(sql`UPDATE incidents SET named_actor = false`);
    await database.db.execute(sql`UPDATE operations SET named_actor = false`);
    for (const s of rebuildStatements(database.reportZone)) await database.db.execute(sql.raw(s));
    expect((await stored()).cells).toEqual([{ group_key: '', n: 5 }]);

    for (const s of backfill) await database.db.execute(sql.raw(s));
    expect(await stored()).toEqual(written);
    for (const s of rebuildStatements(database.reportZone)) await database.db.execute(sql.raw(s));
    expect(await stored()).toEqual(written);
  }, 120_000);
});
