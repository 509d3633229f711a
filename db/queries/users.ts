/** Reads and writes around accounts that better-auth does not own: API tokens, generated secrets, user lists. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../core/enums';
import type { Db } from '../client';
import { apiTokens, appSecrets, user } from '../schema';

/** Returns the stored secret `name`, creating it with `generate()` if absent; concurrent callers agree on one. */
export async function readOrCreateSecret(db: Db, name: string, generate: () => string): Promise<string> {
  await db.insert(appSecrets).values({ name, value: generate() }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`secret ${name} could not be stored`);
  return row.value;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const userColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
};

type UserSelect = {
  id: string;
  email: string;
  name: string;
  role: string;
  banned: boolean | null;
  createdAt: Date;
  updatedAt: Date;
};
const toUser = (r: UserSelect): UserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  disabled: r.banned === true,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listUsers(db: Db): Promise<UserRow[]> {
  const rows = await db.select(userColumns).from(user).orderBy(asc(user.email));
  return rows.map(toUser);
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(user).where(eq(user.id, id));
  return row ? toUser(row) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(user).where(eq(user.email, email.trim().toLowerCase()));
  return row ? toUser(row) : null;
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  userId: apiTokens.userId,
  email: user.email,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

type TokenSelect = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  email: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const toToken = (r: TokenSelect): TokenRow => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function insertToken(
  db: Db,
  row: { id: string; userId: string; name: string; tokenHash: string; prefix: string },
): Promise<TokenRow> {
  await db.insert(apiTokens).values(row);
  const [created] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(eq(apiTokens.id, row.id));
  return toToken(created!);
}

/** Newest first; `userId` narrows to one owner. Hashes never leave the database. */
export async function listTokens(db: Db, userId?: string): Promise<TokenRow[]> {
  const rows = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(userId ? eq(apiTokens.userId, userId) : undefined)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toToken);
}

/** Marks a token revoked (once); null when there is no such token. */
export async function revokeToken(db: Db, id: string): Promise<TokenRow | null> {
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  const [row] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(eq(apiTokens.id, id));
  return row ? toToken(row) : null;
}

export interface TokenOwner {
  tokenId: string;
  tokenName: string;
  revoked: boolean;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  role: Role;
  banned: boolean;
}

/** The token with this hash and its owner (served by api_tokens_hash_key). */
export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenOwner | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: user.id,
      email: user.email,
      role: user.role,
      banned: user.banned,
    })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  if (!row) return null;
  const { revokedAt, ...rest } = row;
  return { ...rest, revoked: revokedAt !== null, role: row.role as Role, banned: row.banned === true };
}

/** Records use at most once a minute, so a busy script does not write on every request. */
export async function touchToken(db: Db, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, id),
        sql`(${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
}
