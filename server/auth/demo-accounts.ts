/**
 * Demo accounts, one per role, for the embedded demo only (listed in the README). Outside demo
 * mode no account exists until an admin or `npm run user:add` makes one.
 */
import type { Role } from '../../core/enums';
import { findUserByEmail } from '../../db/queries/users';
import type { Runtime } from '../runtime';
import { authOf } from './auth-service';
import { createUser } from './users';

/** Meets the password policy (12+ characters, not guessable); public by design, for the demo only. */
export const DEMO_PASSWORD = 'watch-the-border-demo';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'viewer@demo.local', name: 'Demo viewer', role: 'viewer' },
  { email: 'operator@demo.local', name: 'Demo operator', role: 'operator' },
  { email: 'admin@demo.local', name: 'Demo admin', role: 'admin' },
];

/** Creates the missing demo accounts; leaves existing ones (and changed passwords) alone. */
export async function createDemoAccounts(runtime: Runtime): Promise<string[]> {
  const service = authOf(runtime);
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(runtime.database.db, account.email)) continue;
    await createUser(service, { ...account, password: DEMO_PASSWORD });
    created.push(account.email);
  }
  if (created.length > 0)
    runtime.log.info({ accounts: created }, `demo accounts created (password "${DEMO_PASSWORD}")`);
  return created;
}
