'use client';
/** Add a user with a role; without a password the server generates one, shown once. */
import { useState } from 'react';
import { ROLES, type Role } from '@/core/enums';
import type { UserRow } from '@/server/read-model';
import { apiRequest } from '../../forms/api-request';
import { controlClass, errorClass, hintClass, labelClass, primaryButton } from '../../forms/control-styles';
import { SecretOnce } from '../secret-once';
import { ROLE_HINTS, readUser } from './user-rows';

const EMPTY = { email: '', name: '', role: 'operator' as Role, password: '' };

export function AddUserForm({ onAdded }: { onAdded(user: UserRow): void }) {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    if (!v.email.trim()) local.email = 'is required';
    if (v.password && v.password.length < 8) local.password = 'must be at least 8 characters';
    setErrors(local);
    setMessage(null);
    if (Object.keys(local).length > 0) {
      document.getElementById(`user-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const body = {
      email: v.email,
      role: v.role,
      ...(v.name.trim() ? { name: v.name } : {}),
      ...(v.password ? { password: v.password } : {}),
    };
    const res = await apiRequest({ method: 'POST', url: '/api/users', body }, (b) => {
      const o = b as { user?: unknown; generatedPassword?: unknown };
      return {
        user: readUser(o.user),
        generatedPassword: typeof o.generatedPassword === 'string' ? o.generatedPassword : null,
      };
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fields);
      setMessage(Object.keys(res.fields).length ? null : res.message);
      const first = Object.keys(res.fields)[0];
      if (first) document.getElementById(`user-${first}`)?.focus();
      return;
    }
    onAdded(res.data.user);
    if (res.data.generatedPassword) setGenerated({ email: res.data.user.email, password: res.data.generatedPassword });
    setV(EMPTY);
  };

  const field = (name: 'email' | 'name' | 'password', label: string, type: string, hint?: string) => (
    <div>
      <label htmlFor={`user-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`user-${name}`}
        type={type}
        autoComplete={name === 'password' ? 'new-password' : 'off'}
        className={`${controlClass} mt-1`}
        value={v[name]}
        onChange={(e) => setV({ ...v, [name]: e.target.value })}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={
          [errors[name] ? `user-${name}-error` : '', hint ? `user-${name}-hint` : ''].filter(Boolean).join(' ') ||
          undefined
        }
      />
      {hint ? (
        <p id={`user-${name}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {errors[name] ? (
        <p id={`user-${name}-error`} className={errorClass}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <div className="space-y-3">
      {generated ? (
        <SecretOnce
          title={`Password for ${generated.email}`}
          secret={generated.password}
          note="Give it to the person through a safe channel. It is not stored in clear and cannot be shown again; set a new one if it is lost."
          onDone={() => setGenerated(null)}
        />
      ) : null}
      <form
        onSubmit={submit}
        noValidate
        aria-labelledby="add-user-title"
        className="rounded-lg border border-line bg-surface p-4 shadow-card"
      >
        <h2 id="add-user-title" className="font-semibold text-fg">
          Add a user
        </h2>
        {message ? (
          <p role="alert" className="mt-2 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm">
            {message}
          </p>
        ) : null}
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {field('email', 'Email', 'email')}
          {field('name', 'Name', 'text', 'Optional; defaults to the email’s first part')}
          <div>
            <label htmlFor="user-role" className={labelClass}>
              Role
            </label>
            <select
              id="user-role"
              className={`${controlClass} mt-1`}
              value={v.role}
              onChange={(e) => setV({ ...v, role: e.target.value as Role })}
              aria-describedby="user-role-hint"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <p id="user-role-hint" className={hintClass}>
              {ROLE_HINTS[v.role]}
            </p>
          </div>
          {field('password', 'Password', 'password', 'Leave empty to generate one')}
        </div>
        <button type="submit" className={`${primaryButton} mt-3`} disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </form>
    </div>
  );
}
