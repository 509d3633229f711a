'use client';
/**
 * The users table: role changes are saved with an explicit button (a select changes on arrow
 * keys, and a role must not change by accident), disabling asks once more and signs the person out.
 */
import { useState } from 'react';
import { ROLES, type Role } from '@/core/enums';
import type { UserRow } from '@/server/read-model';
import { apiRequest } from '../../forms/api-request';
import { controlClass, dangerButton, dangerSolidButton, linkButton, secondaryButton } from '../../forms/control-styles';

export const ROLE_HINTS: Record<Role, string> = {
  viewer: 'Reads dashboards',
  operator: 'Records incidents and operations',
  admin: 'Everything, including users',
};

/** A user from an API answer, checked before the table shows it. */
export function readUser(v: unknown): UserRow {
  const u = v as Partial<UserRow> | null;
  if (!u || typeof u.id !== 'string' || typeof u.email !== 'string' || !ROLES.includes(u.role as Role))
    throw new Error('not a user');
  return {
    id: u.id,
    email: u.email,
    name: String(u.name ?? ''),
    role: u.role as Role,
    disabled: u.disabled === true,
    createdAt: String(u.createdAt ?? ''),
    updatedAt: String(u.updatedAt ?? ''),
  };
}

const readUserIn = (b: unknown) => readUser((b as { user?: unknown } | null)?.user);

function UserRowView({ user, isMe, onChanged }: { user: UserRow; isMe: boolean; onChanged(u: UserRow): void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const patch = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    const res = await apiRequest({ method: 'PATCH', url: `/api/users/${user.id}`, body }, readUserIn);
    setBusy(false);
    setConfirming(false);
    if (!res.ok) {
      setMessage({ tone: 'error', text: res.message });
      setRole(user.role);
      return;
    }
    onChanged(res.data);
    setRole(res.data.role);
    setMessage({ tone: 'ok', text: done });
  };

  return (
    <tr className="border-b border-line align-top">
      <th scope="row" className="py-2 pr-3 text-left font-medium text-fg">
        <span className={user.disabled ? 'text-muted line-through' : ''}>{user.email}</span>
        {isMe ? <span className="ml-2 rounded bg-accent-soft px-1.5 text-xs text-accent">you</span> : null}
        <span className="block text-xs font-normal text-muted">{user.name}</span>
      </th>
      <td className="py-2 pr-3">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role of {user.email}
          </label>
          <select
            id={`role-${user.id}`}
            className={`${controlClass} w-auto py-1`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            disabled={busy}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {role !== user.role ? (
            <>
              <button
                type="button"
                className={`${secondaryButton} px-3 py-1`}
                disabled={busy}
                onClick={() => patch({ role }, `Role changed to ${role}.`)}
              >
                Save role
              </button>
              <button type="button" className={linkButton} onClick={() => setRole(user.role)}>
                Cancel
              </button>
            </>
          ) : null}
        </div>
      </td>
      <td className="py-2 pr-3 text-sm">
        {user.disabled ? (
          <span className="font-semibold text-danger">Disabled</span>
        ) : (
          <span className="text-ok">Active</span>
        )}
      </td>
      <td className="py-2">
        <div className="flex flex-wrap items-center gap-2">
          {user.disabled ? (
            <button
              type="button"
              className={`${secondaryButton} px-3 py-1`}
              disabled={busy}
              onClick={() => patch({ disabled: false }, 'Enabled: the person can sign in again.')}
            >
              Enable
            </button>
          ) : confirming ? (
            <>
              <span className="text-sm text-fg">
                Disable {user.email}? They are signed out at once and their API tokens stop working.
              </span>
              <button
                type="button"
                className={`${dangerSolidButton} px-3 py-1`}
                disabled={busy}
                onClick={() => patch({ disabled: true }, 'Disabled and signed out.')}
                autoFocus
              >
                Disable
              </button>
              <button type="button" className={linkButton} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className={`${dangerButton} px-3 py-1`}
              disabled={busy || isMe}
              title={isMe ? 'You cannot disable your own account here' : undefined}
              onClick={() => setConfirming(true)}
            >
              Disable…
            </button>
          )}
        </div>
        <p role="status" className={`mt-1 text-xs ${message?.tone === 'error' ? 'text-danger' : 'text-ok'}`}>
          {message?.text}
        </p>
      </td>
    </tr>
  );
}

export function UserTable({ users, meId, onChanged }: { users: UserRow[]; meId: string; onChanged(u: UserRow): void }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Users, their roles and status</caption>
        <thead>
          <tr className="border-b border-line-strong text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-3 pl-4 font-medium">
              User
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Role
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 font-medium">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="[&_th]:pl-4 [&_tr>td:last-child]:pr-4">
          {users.map((u) => (
            <UserRowView key={u.id} user={u} isMe={u.id === meId} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
