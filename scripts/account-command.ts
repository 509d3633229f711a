/**
 * Runs an account command (user:add, token:create) against the database the app uses. With the
 * embedded database the app must not be running: PGlite is one process per data directory.
 */
import pino from 'pino';
import { DataDirLockedError } from '../db/data-dir-lock';
import { createAuthService } from '../server/auth/auth-service';
import { UsageError } from '../server/auth/cli-commands';
import type { AuthService } from '../server/auth/auth-service';
import { openFromEnv } from './open-from-env';

export async function runAccountCommand(
  name: string,
  command: (service: AuthService, argv: string[]) => Promise<string[]>,
): Promise<void> {
  let code = 0;
  try {
    const { env, database } = await openFromEnv();
    try {
      const service = await createAuthService({ env, database, log: pino({ level: 'warn' }) });
      for (const line of await command(service, process.argv.slice(2))) console.log(line);
    } finally {
      await database.close();
    }
  } catch (err) {
    code = 1;
    if (err instanceof DataDirLockedError) {
      console.error(
        `${name}: the app is running on this embedded database (${err.message})\n` +
          `Stop it first (Ctrl+C in its terminal), run ${name} again, then start the app; ` +
          'or, while it runs, manage accounts in the admin page or through /api/users with an admin token.',
      );
    } else if (err instanceof UsageError) {
      console.error(`${name}: ${err.message}`);
    } else {
      console.error(`${name} failed: ${(err as Error).message}`);
    }
  }
  process.exit(code);
}
