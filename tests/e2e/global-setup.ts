/**
 * Starts one app (pages included) on a fresh embedded database with the demo data and accounts,
 * shared by every e2e file through environment variables, and stops it at the end.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/pg-cluster';
import { spawnServer, type ServerProcess } from '../support/spawn-server';
import { apiEvent, startAcledStandIn, type AcledStandIn } from '../support/acled-stand-in';

let server: ServerProcess | null = null;
let acled: AcledStandIn | null = null;
let dir = '';

export default async function setup(project: TestProject) {
  if (!existsSync(path.resolve('.next/BUILD_ID')))
    throw new Error('The e2e suite needs a production build: run `npx next build` first.');
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
    throw new Error('The e2e suite needs Chromium: apt-get install -y chromium (or set CHROMIUM_PATH).');
  dir = mkdtempSync(path.join(tmpdir(), 'bw-e2e-'));
  // A stand-in of ACLED's API for the sync's admin page (tests/e2e/acled-sync.test.ts): three events.
  acled = await startAcledStandIn();
  for (const [n, admin1, admin2] of [
    [1, 'Khyber Pakhtunkhwa', 'Bannu'],
    [2, 'Balochistan', 'Quetta'],
    [3, 'Khyber Pakhtunkhwa', 'North Waziristan'],
  ] as const)
    acled.put(
      apiEvent({
        event_id_cnty: `PAK9000${n}`,
        admin1,
        admin2,
        fatalities: String(n),
        timestamp: String(1_709_640_000 + n),
      }),
    );
  server = await spawnServer(
    // Every e2e file signs in from 127.0.0.1: the per-address sign-in limit would refuse the later ones.
    // DEMO_LIVE off: a synthetic arrival mid-test would race the tests' own (tests/server/demo-live.test.ts covers it).
    {
      DATA_DIR: dir,
      PORT: String(await freePort()),
      DEMO_DATA: 'on',
      DEMO_LIVE: '0',
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT: '1000',
      ACLED_API_URL: acled.url,
      SECRETS_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    },
    { pages: true },
  );
  project.provide('baseUrl', server.url);
  project.provide('acledAccount', acled.account);
  return async () => {
    await server?.kill('SIGTERM');
    await acled?.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    acledAccount: { username: string; password: string };
  }
}
