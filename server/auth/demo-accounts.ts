/** Creates the demo accounts (core/demo/demo-accounts.ts) of the embedded demo. */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/demo/demo-accounts';
import { findUserByEmail } from '../../db/queries/users';
import type { Runtime } from '../runtime';
import { createUser } from './users';

/** Creates the missing demo accounts; leaves existing ones (and changed passwords) alone. */
export async function createDemoAccounts(runtime: Runtime): Promise<string[]> {
  const service = runtime.auth;
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
