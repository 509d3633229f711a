// `npm run acled:sync`: one ACLED API sync now, as the admin page's "Sync now" runs it (the stored
// account, the settings and cursor in the database, one run at a time across every node), for cron
// or a first catch-up from a shell. The run, as one line of JSON, is the last thing on stdout.
//   --status        prints the sync's status (account configured, cursor, last runs) and exits
//   --save-account  stores the account from ACLED_USERNAME and ACLED_PASSWORD (never from the
//                   command line, which shell history and `ps` would keep), then exits
// Exit code: 0 when the run succeeded, 2 when it ran and failed (its error is in the JSON and on
// stderr), 3 when another run holds the lock, 1 when it could not start.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DomainError } from '../core/errors';
import { createWriteContext } from '../db/write-context';
import { createLogger } from '../server/logger';
import { AcledSyncService } from '../server/sync/acled-sync-service';
import { lazySecretBox } from '../server/sync/secret-box';
import { openFromEnv, runCommand } from './open-from-env';

const USAGE = 'usage: npm run acled:sync [-- --status | --save-account]';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown user';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      status: { type: 'boolean', default: false },
      'save-account': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const { env, database } = await openFromEnv();
  const actor = { id: null, label: `cli:acled-sync (${osUser()})`, role: 'system' as const };
  const { ctx, writes } = createWriteContext(database);
  // The log goes to stderr so that stdout stays one line of JSON.
  const log = createLogger(process.env.LOG_LEVEL ?? 'info', 2).child({ part: 'acled-sync' });
  const service = new AcledSyncService({
    database,
    writes,
    ctx,
    box: lazySecretBox({ secretsKey: env.SECRETS_KEY, dataDir: env.DATA_DIR }),
    log,
    apiUrl: env.ACLED_API_URL,
    pageSize: env.ACLED_SYNC_PAGE_SIZE,
    tickMs: env.ACLED_SYNC_TICK_S * 1000,
  });
  try {
    if (values.status) {
      process.stdout.write(`${JSON.stringify(await service.status())}\n`);
      return 0;
    }
    if (values['save-account']) {
      const username = process.env.ACLED_USERNAME;
      const password = process.env.ACLED_PASSWORD;
      if (!username || !password)
        throw new DomainError(
          'validation',
          'Set ACLED_USERNAME and ACLED_PASSWORD in the environment to store the account.',
        );
      await service.saveAccount({ username, password }, actor);
      process.stderr.write('acled:sync: account stored (sealed); it is synced at the next run\n');
      return 0;
    }
    const started = await service.runNow(actor);
    if (!started) {
      process.stderr.write('acled:sync: another run is in progress (on this database); nothing started\n');
      return 3;
    }
    const run = await started.done;
    process.stdout.write(`${JSON.stringify(run)}\n`);
    if (run.state !== 'succeeded') {
      process.stderr.write(`acled:sync: the run failed: ${run.error ?? 'unknown error'}\n`);
      return 2;
    }
    return 0;
  } finally {
    await service.stop();
    await database.close();
  }
}

await runCommand('acled:sync', main, {
  whileAppRuns: 'Use "Sync now" on the import page instead, or stop the app first.',
});
