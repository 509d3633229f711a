/**
 * The admin page's API: users (add, change role or name, disable/enable, set a password) and API
 * tokens (list, create — the secret is in the create response only —, revoke). Admins only.
 */
import { DomainError, NotFoundError, parseInput } from '../../core/errors';
import { findUserById, listTokens, listUsers, revokeToken } from '../../db/queries/users';
import { createApiToken } from '../auth/api-tokens';
import { recordRevocation } from '../../db/queries/revocations';
import { requirePrincipal } from '../auth/guards';
import { CreateTokenInput, CreateUserInput, TokenListQuery, UpdateUserInput } from '../auth/user-schemas';
import { createUser, updateUser, userByEmailOrThrow } from '../auth/users';
import { mount, type RouteModule } from './route-spec';
import { readJson } from './json-body';
import { idParam } from './write-helpers';

const ADMIN_ERRORS = {
  400: { description: 'Invalid input', schema: 'Error' },
  401: { description: 'Not signed in', schema: 'Error' },
  403: { description: 'Not an admin', schema: 'Error' },
};

export const userRoutes: RouteModule = (app, runtime) => {
  const db = runtime.database.db;
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/users',
      access: 'admin',
      tag: 'Users',
      summary: 'List users',
      handler: async (c) => c.json({ items: await listUsers(db) }),
      responses: {
        200: {
          description: 'All users',
          schema: {
            type: 'object',
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/User' } } },
          },
        },
        ...ADMIN_ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/users',
      access: 'admin',
      tag: 'Users',
      summary: 'Add a user; without a password one is generated and returned once',
      body: CreateUserInput,
      bodyRequired: true,
      handler: async (c) => {
        const added = await createUser(runtime.auth, await readJson(c));
        return c.json({ user: added.user, generatedPassword: added.generatedPassword }, 201);
      },
      responses: {
        201: {
          description: 'Created',
          schema: {
            type: 'object',
            properties: {
              user: { $ref: '#/components/schemas/User' },
              generatedPassword: { type: ['string', 'null'] },
            },
          },
        },
        ...ADMIN_ERRORS,
        409: { description: 'The email is taken', schema: 'Error' },
      },
    },
    {
      method: 'patch',
      path: '/api/users/{id}',
      access: 'admin',
      tag: 'Users',
      summary: 'Change a user: role, name, disabled (signs out at once), password',
      body: UpdateUserInput,
      bodyRequired: true,
      handler: async (c) => {
        const id = c.req.param('id') ?? '';
        return c.json({ user: await updateUser(runtime.auth, id, await readJson(c)) });
      },
      responses: {
        200: {
          description: 'Updated',
          schema: { type: 'object', properties: { user: { $ref: '#/components/schemas/User' } } },
        },
        ...ADMIN_ERRORS,
        404: { description: 'No such user', schema: 'Error' },
        409: { description: 'Would leave no active admin', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: '/api/tokens',
      access: 'admin',
      tag: 'Users',
      summary: 'List API tokens (never their secrets); `userId` narrows to one owner',
      query: TokenListQuery,
      handler: async (c) => {
        const { userId } = parseInput(TokenListQuery, { userId: c.req.query('userId') || undefined });
        return c.json({ items: await listTokens(db, userId) });
      },
      responses: {
        200: {
          description: 'Tokens, newest first',
          schema: {
            type: 'object',
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Token' } } },
          },
        },
        ...ADMIN_ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/tokens',
      access: 'admin',
      tag: 'Users',
      summary: 'Create an API token for a user (default: yourself); the secret is shown in this response only',
      body: CreateTokenInput,
      bodyRequired: true,
      handler: async (c) => {
        const input = parseInput(CreateTokenInput, await readJson(c));
        let ownerId = (await requirePrincipal(c, runtime)).userId;
        if (input.email) ownerId = (await userByEmailOrThrow(runtime.auth, input.email)).id;
        if (input.userId) {
          const owner = await findUserById(db, input.userId);
          if (!owner) throw new DomainError('validation', `No user ${input.userId}`, { userId: 'no such user' });
          ownerId = owner.id;
        }
        const created = await createApiToken(db, ownerId, input.name);
        return c.json({ token: created.token, secret: created.secret }, 201);
      },
      responses: {
        201: {
          description: 'Created: `secret` is the bearer token',
          schema: {
            type: 'object',
            properties: { token: { $ref: '#/components/schemas/Token' }, secret: { type: 'string' } },
          },
        },
        ...ADMIN_ERRORS,
      },
    },
    {
      method: 'delete',
      path: '/api/tokens/{id}',
      access: 'admin',
      tag: 'Users',
      summary: 'Revoke an API token (it stops working at once)',
      handler: async (c) => {
        const id = idParam(c, 'API token');
        const token = await revokeToken(db, id);
        if (!token) throw new NotFoundError('API token', id);
        await recordRevocation(runtime.database, {
          scope: 'token',
          userId: token.userId,
          tokenId: token.id,
          reason: 'token-revoked',
        });
        return c.json({ token });
      },
      responses: {
        200: {
          description: 'Revoked',
          schema: { type: 'object', properties: { token: { $ref: '#/components/schemas/Token' } } },
        },
        ...ADMIN_ERRORS,
        404: { description: 'No such token', schema: 'Error' },
      },
    },
  ]);
};
