/**
 * Sign-ins that stopped holding (sign-out, a disabled account, a role or password change, a revoked
 * token). HTTP checks the session or token on every request; open live sockets are checked once,
 * at the handshake, so every node's watcher reads these rows (woken by NOTIFY, with a poll behind
 * it) and ends the sockets they name. Rows are kept briefly: they matter only to sockets open now.
 */
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './columns';

export const REVOCATION_SCOPES = ['account', 'sessions', 'session', 'token'] as const;

export const principalRevocations = pgTable(
  'principal_revocations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** account: every socket of the user; sessions: its cookie sockets (but `keepSessionId`); session / token: one. */
    scope: text('scope').notNull(),
    userId: text('user_id').notNull(),
    sessionId: text('session_id'),
    keepSessionId: text('keep_session_id'),
    tokenId: uuid('token_id'),
    reason: text('reason').notNull(),
  },
  (t) => [
    check('principal_revocations_scope_valid', oneOf('scope', REVOCATION_SCOPES)),
    // The purge of old rows: WHERE at < ?.
    index('principal_revocations_at_idx').on(t.at),
  ],
);
