/**
 * Real data: 2015 in Pakistan as ACLED reported it (its old export format) and as GTD did (an
 * extract of 2007–2018), imported through the real importers and sink, then the detector. The
 * candidates pair one ACLED record with one GTD record of the same day and place; printed for a
 * reader to judge, and checked against what an analyst would accept.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../core/import/import-file';
import { casualtyTotals, type Incident } from '../../core/incident/schema';
import { localDay } from '../../core/time/report-zone';
import { detectStep } from '../../db/duplicates/detect-duplicates';
import { listCandidates } from '../../db/duplicates/duplicate-reads';
import { ensureReferenceData } from '../../db/ensure-reference-data';
import { createImportBatches } from '../../core/import/import-batch';
import { listGroups } from '../../db/queries/reference';
import { CandidateFilter } from '../../core/duplicate/schema';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const ACLED = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');
const GTD = path.join(realDir, 'gtd_derived_pakistan_2007_2018_processed_from_parquet.csv');
const ZONE = 'Asia/Karachi';

const line = (r: Incident) =>
  `${r.externalId} ${localDay(r.occurredAt, ZONE)} ${r.district ?? r.province} ${r.place ?? ''} ${r.type} ` +
  `killed ${casualtyTotals(r.casualties).killed.reported ? casualtyTotals(r.casualties).killed.low : 'n/r'} ${r.groupName ?? '?'}`;

describe.skipIf(!existsSync(ACLED) || !existsSync(GTD)).each(drivers)(
  'real ACLED and GTD reports of 2015 on %s',
  (driver) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(driver);
      await ensureReferenceData(database);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('gives candidates that pair the two sources’ reports of one event', async () => {
      const groups = (await listGroups(database.db)).map((g) => ({
        id: g.id,
        shortName: g.shortName,
        fullName: g.fullName,
        aliases: g.aliases,
      }));
      for (const file of [ACLED, GTD]) {
        const report = await importFile({
          input: createReadStream(file),
          options: { groups, now: () => new Date('2025-01-01T00:00:00Z') },
          sink: createImportBatches(testCtx(database)),
        });
        expect(report.errorCount).toBe(0);
      }
      const t0 = Date.now();
      let steps = 0;
      for (; (await detectStep(database, randomUUID)).more; steps++);
      const detectMs = Date.now() - t0;
      const items = await listCandidates(
        database.db,
        CandidateFilter.parse({ limit: 500, from: '2015-01-01', to: '2015-12-31' }),
      );
      console.info(`${items.length} candidates in 2015 after ${steps + 1} detection steps (${detectMs} ms, ${driver})`);
      for (const c of items.slice(0, 12))
        console.info(`${c.score} | ${line(c.a)} | ${line(c.b)} | ${c.reasons.join('; ')}`);

      expect(items.length).toBeGreaterThan(10);
      for (const c of items) {
        const sources = [c.a, c.b].map((r) => r.externalId?.split(':')[0]).sort();
        // One report from each tracker: a tracker's own two ids are never proposed.
        expect(sources).toEqual(['acled', 'gtd']);
        expect(c.a.province).toBe(c.b.province);
      }
      // What an analyst would accept: most high-scoring pairs agree on the day and on the deaths.
      const top = items.filter((c) => c.score >= 0.7);
      const agreeing = top.filter((c) => {
        const ka = casualtyTotals(c.a.casualties).killed;
        const kb = casualtyTotals(c.b.casualties).killed;
        return ka.reported && kb.reported && Math.abs(ka.low - kb.low) <= Math.max(2, 0.3 * Math.max(ka.low, kb.low));
      });
      console.info(`${top.length} pairs score 0.7 or more; ${agreeing.length} of them agree on the deaths`);
      expect(top.length).toBeGreaterThan(5);
      expect(agreeing.length / top.length).toBeGreaterThan(0.6);
    });
  },
);
