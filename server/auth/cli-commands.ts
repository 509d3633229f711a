/**
 * The account commands behind `npm run user:add` and `npm run token:create` (contract in issue 4),
 * as functions over an AuthService so tests run them without a shell. They return the lines to
 * print; the token is always the last line.
 */
import { parseArgs } from 'node:util';
import { DomainError } from '../../core/errors';
import { ROLES } from '../../core/enums';
import { createApiToken } from './api-tokens';
import type { AuthService } from './auth-service';
import { addOrUpdateUser, userByEmailOrThrow } from './users';

export class UsageError extends Error {}

function options(
  argv: string[],
  spec: Record<string, { type: 'string' }>,
  usage: string,
): Record<string, string | undefined> {
  try {
    return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nUsage: ${usage}`);
  }
}

function describe(err: unknown): never {
  if (err instanceof DomainError && Object.keys(err.fields).length > 0) {
    throw new UsageError(
      Object.entries(err.fields)
        .map(([f, m]) => `--${f} ${m}`)
        .join('\n'),
    );
  }
  throw err;
}

export const USER_ADD_USAGE = `npm run user:add -- --email E --role ${ROLES.join('|')} [--password P] [--name N]`;

export async function userAdd(service: AuthService, argv: string[]): Promise<string[]> {
  const o = options(
    argv,
    { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    USER_ADD_USAGE,
  );
  if (!o.email || !o.role) throw new UsageError(`--email and --role are required.\nUsage: ${USER_ADD_USAGE}`);
  const added = await addOrUpdateUser(service, {
    email: o.email,
    role: o.role,
    password: o.password,
    name: o.name,
  }).catch(describe);
  const lines = [
    `${added.created ? 'Created' : 'Updated'} ${added.user.email} with role ${added.user.role}${added.user.disabled ? ' (the account is disabled)' : ''}.`,
  ];
  if (added.generatedPassword) lines.push('Generated password (shown once; store it now):', added.generatedPassword);
  else if (!added.created && !o.password) lines.push('Password unchanged.');
  return lines;
}

export const TOKEN_CREATE_USAGE = 'npm run token:create -- --email E --name N';

export async function tokenCreate(service: AuthService, argv: string[]): Promise<string[]> {
  const o = options(argv, { email: { type: 'string' }, name: { type: 'string' } }, TOKEN_CREATE_USAGE);
  if (!o.email || !o.name?.trim())
    throw new UsageError(`--email and --name are required.\nUsage: ${TOKEN_CREATE_USAGE}`);
  const owner = await userByEmailOrThrow(service, o.email);
  const { token, secret } = await createApiToken(service.database.db, owner.id, o.name.trim().slice(0, 100));
  return [
    `API token "${token.name}" created for ${owner.email} (role ${owner.role}); it is shown once, stored only as a hash.`,
    'Send it as: Authorization: Bearer <token>',
    secret,
  ];
}
