/**
 * Demo accounts, one per role, for the embedded demo only (listed in the README). Outside demo
 * mode no account exists until an admin or `npm run user:add` makes one. Plain data, so the
 * sign-in page can list them without importing server code.
 */
import type { Role } from '../enums';

/** Meets the password policy (12+ characters, not guessable); public by design, for the demo only. */
export const DEMO_PASSWORD = 'watch-the-border-demo';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'viewer@demo.local', name: 'Demo viewer', role: 'viewer' },
  { email: 'operator@demo.local', name: 'Demo operator', role: 'operator' },
  { email: 'admin@demo.local', name: 'Demo admin', role: 'admin' },
];
