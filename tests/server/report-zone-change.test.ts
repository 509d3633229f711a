/**
 * Changing REPORT_TIMEZONE is one documented command (both drivers): a server on a database whose
 * rollups were built in Asia/Karachi refuses to start in Europe/London, naming
 * `npm run db:rollups:rebuild`; the command, run as a user runs it, rebuilds for London, moves the
 * day-precision record to London's start of the same date, and the server then starts and counts
 * each record on its London day.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../core/incident/create-incident';
import { createPostgresDatabase, drivers } from '../support/test-database';
import { startTestServer } from '../support/test-server';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const system = { id: null, label: 'system:test', role: 'system' as const };

describe.each(drivers)('changing the reporting zone on %s', (driver) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-zone-'));
  let drop = async () => {};
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses another zone, then `npm run db:rollups:rebuild` rebuilds for it', async () => {
    const where: { databaseUrl?: string; dataDir?: string } = {};
    if (driver === 'postgres') {
      const created = await createPostgresDatabase();
      drop = created.drop;
      where.databaseUrl = created.url;
    } else where.dataDir = path.join(dir, 'data');

    const karachi = await startTestServer(driver, { ...where, env: { REPORT_TIMEZONE: 'Asia/Karachi' } });
    const ctx = karachi.runtime.ctx(system);
    const base = {
      province: 'KP' as const,
      type: 'clash' as const,
      targetType: 'police' as const,
      sources: [{ name: 't' }],
    };
    // 00:30 on 25 October in London (BST), and a record known only to be of 25 October.
    await createIncident({ ctx, input: { ...base, occurredAt: '2026-10-24T23:30:00Z', timePrecision: 'exact' } });
    await createIncident({ ctx, input: { ...base, occurredAt: '2026-10-25', timePrecision: 'day' } });
    await karachi.close();

    await expect(startTestServer(driver, { ...where, env: { REPORT_TIMEZONE: 'Europe/London' } })).rejects.toThrow(
      /built for REPORT_TIMEZONE=Asia\/Karachi.*npm run db:rollups:rebuild/,
    );

    const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...clean } = process.env;
    const env = {
      ...clean,
      REPORT_TIMEZONE: 'Europe/London',
      DATABASE_URL: where.databaseUrl ?? '',
      DATA_DIR: where.dataDir ?? path.join(dir, 'unused'),
    };
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'rollups-rebuild.ts')],
      {
        cwd: ROOT,
        env,
        timeout: 90_000,
      },
    );
    expect(stdout).toMatch(/Rollups rebuilt for Europe\/London \(from Asia\/Karachi;/);

    const london = await startTestServer(driver, {
      ...where,
      env: { REPORT_TIMEZONE: 'Europe/London', PUBLIC_DASHBOARD: '1' },
    });
    try {
      const res = await fetch(`${london.url}/api/stats/timeseries?from=2026-10-24&to=2026-10-27&bucket=day`);
      const body = (await res.json()) as { zone: string; points: { day: string; incidents: number }[] };
      expect(body.zone).toBe('Europe/London');
      expect(body.points.map((p) => [p.day, p.incidents])).toEqual([
        ['2026-10-24', 0],
        ['2026-10-25', 2],
        ['2026-10-26', 0],
      ]);
      const list = (await (await fetch(`${london.url}/api/incidents?from=2026-10-25&to=2026-10-26`)).json()) as {
        items: { occurredAt: string; timePrecision: string }[];
      };
      expect(list.items.map((i) => [i.timePrecision, i.occurredAt]).sort()).toEqual([
        ['day', '2026-10-24T23:00:00.000Z'],
        ['exact', '2026-10-24T23:30:00.000Z'],
      ]);
    } finally {
      await london.close();
    }
  }, 180_000);
});
