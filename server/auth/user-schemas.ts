/**
 * Inputs of the users admin API and the CLI, declared once (forms import them too). Field paths in
 * validation errors are these keys.
 */
import { z } from 'zod';
import { ROLES } from '../../core/enums';
import { passwordProblem } from './password-policy';

const Email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254, 'is too long'));
/** Every password that is set passes the policy (server/auth/password-policy.ts). */
const Password = z.string({ error: 'must be text' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const Role = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });
const Name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'cannot be empty')
  .max(100, 'is too long (100 characters at most)');

export const CreateUserInput = z.strictObject({
  email: Email,
  name: Name.optional(),
  role: Role,
  /** Omitted: a password is generated and returned once. */
  password: Password.optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z
  .strictObject({
    name: Name.optional(),
    role: Role.optional(),
    /** true disables the account (signs it out everywhere, rejects its tokens); false enables it. */
    disabled: z.boolean({ error: 'must be true or false' }).optional(),
    password: Password.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'change at least one of: name, role, disabled, password',
    path: ['_'],
  });
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export const CreateTokenInput = z
  .strictObject({
    name: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(100, 'is too long (100 characters at most)'),
    /** The owner: a user id or email; defaults to the caller. */
    userId: z.string().trim().min(1).max(100).optional(),
    email: Email.optional(),
  })
  .refine((v) => !(v.userId && v.email), { message: 'give userId or email, not both', path: ['email'] });
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'is too long'),
  rememberMe: z.boolean({ error: 'must be true or false' }).optional(),
});
export type SignInInput = z.input<typeof SignInInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'is too long'),
  newPassword: Password,
  /** Accepted for better-auth's clients; other sessions are always signed out. */
  revokeOtherSessions: z.boolean({ error: 'must be true or false' }).optional(),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

export const TokenListQuery = z.object({
  /** Narrows the list to one owner. */
  userId: z
    .string()
    .max(100, 'is too long')
    .regex(/^[\w-]+$/, 'must be a user id (letters, digits, - and _)')
    .optional(),
});
