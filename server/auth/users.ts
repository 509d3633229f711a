/**
 * User management shared by the admin API, the CLI and the demo start-up. Accounts live in
 * better-auth's tables; passwords are hashed by better-auth, roles and bans are its admin plugin's
 * fields. Disabling an account bans it and deletes its sessions, so it is signed out at once.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, DomainError, NotFoundError, parseInput } from '../../core/errors';
import type { Role } from '../../core/enums';
import { findUserByEmail, findUserById, listUsers, type UserRow } from '../../db/queries/users';
import { recordRevocation } from '../../db/queries/revocations';
import { forgetDemoPasswordCheck } from './demo-password';
import type { AuthService } from './auth-service';
import { CreateUserInput, UpdateUserInput } from './user-schemas';

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

async function context(service: AuthService) {
  return service.betterAuth.$context;
}

async function setPassword(service: AuthService, userId: string, password: string): Promise<void> {
  const ctx = await context(service);
  const hash = await ctx.password.hash(password);
  const credential = await ctx.internalAdapter.findCredentialAccount(userId);
  if (credential) await ctx.internalAdapter.updatePassword(userId, hash);
  else await ctx.internalAdapter.linkAccount({ providerId: 'credential', accountId: userId, userId, password: hash });
}

export interface AddedUser {
  user: UserRow;
  created: boolean;
  /** Set when a password was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
}

/** Creates a user (409 if the email exists). Without a password, one is generated and returned. */
export async function createUser(service: AuthService, input: unknown): Promise<AddedUser> {
  const { email, name, role, password } = parseInput(CreateUserInput, input);
  if (await findUserByEmail(service.database.db, email))
    throw new DomainError('conflict', `A user with the email ${email} already exists`, { email: 'is already used' });
  const generatedPassword = password ? null : generatePassword();
  const { user } = await service.betterAuth.api.createUser({
    body: { email, name: name ?? email.split('@')[0]!, role, password: password ?? generatedPassword! },
  });
  forgetDemoPasswordCheck(service.database);
  return { user: (await findUserById(service.database.db, user.id))!, created: true, generatedPassword };
}

/** The CLI's contract: creates the user, or updates the role (and password, when given) of an existing one. */
export async function addOrUpdateUser(service: AuthService, input: unknown): Promise<AddedUser> {
  const parsed = parseInput(CreateUserInput, input);
  const existing = await findUserByEmail(service.database.db, parsed.email);
  if (!existing) return createUser(service, parsed);
  const user = await updateUser(service, existing.id, {
    role: parsed.role,
    name: parsed.name,
    password: parsed.password,
  });
  return { user, created: false, generatedPassword: null };
}

async function assertAdminRemains(service: AuthService, target: UserRow, next: { role: Role; disabled: boolean }) {
  if (target.role !== 'admin' || target.disabled) return;
  if (next.role === 'admin' && !next.disabled) return;
  const admins = (await listUsers(service.database.db)).filter(
    (u) => u.role === 'admin' && !u.disabled && u.id !== target.id,
  );
  if (admins.length === 0)
    throw new ConflictError(`${target.email} is the last active admin; make another admin first`);
}

export async function updateUser(service: AuthService, id: string, input: unknown): Promise<UserRow> {
  const patch = parseInput(UpdateUserInput, input);
  const target = await findUserById(service.database.db, id);
  if (!target) throw new NotFoundError('User', id);
  await assertAdminRemains(service, target, {
    role: patch.role ?? target.role,
    disabled: patch.disabled ?? target.disabled,
  });
  const ctx = await context(service);
  const fields: Record<string, unknown> = {};
  if (patch.name !== undefined) fields.name = patch.name;
  if (patch.role !== undefined) fields.role = patch.role;
  if (patch.disabled === true)
    Object.assign(fields, { banned: true, banReason: 'disabled by an admin', banExpires: null });
  if (patch.disabled === false) Object.assign(fields, { banned: false, banReason: null, banExpires: null });
  if (Object.keys(fields).length > 0) await ctx.internalAdapter.updateUser(id, fields);
  // A new password set for someone ends every session they hold (their open sockets with them).
  if (patch.disabled === true || patch.password !== undefined) await ctx.internalAdapter.deleteUserSessions(id);
  if (patch.password !== undefined) await setPassword(service, id, patch.password);
  if (patch.password !== undefined) forgetDemoPasswordCheck(service.database);
  // Open live sockets were admitted under the old account state; every node ends them.
  const reason =
    patch.disabled === true && !target.disabled
      ? 'disabled'
      : patch.role !== undefined && patch.role !== target.role
        ? 'role-changed'
        : null;
  if (reason) await recordRevocation(service.database, { scope: 'account', userId: id, reason });
  else if (patch.password !== undefined)
    await recordRevocation(service.database, { scope: 'sessions', userId: id, reason: 'password-changed' });
  return (await findUserById(service.database.db, id))!;
}

export async function userByEmailOrThrow(service: AuthService, email: string): Promise<UserRow> {
  const user = await findUserByEmail(service.database.db, email);
  if (!user)
    throw new DomainError(
      'not_found',
      `No user with the email ${email.trim().toLowerCase()}; add one with npm run user:add`,
      { email: 'no such user' },
    );
  return user;
}
