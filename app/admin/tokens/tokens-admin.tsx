'use client';
/**
 * API tokens: create one for a person (the secret is shown once, with a copy button), see who owns
 * each and when it was last used, revoke one (it stops working at once).
 */
import { useState } from 'react';
import type { TokenRow } from '@/server/read-model';
import { apiRequest } from '../../forms/api-request';
import {
  controlClass,
  dangerButton,
  dangerSolidButton,
  errorClass,
  hintClass,
  labelClass,
  linkButton,
  primaryButton,
} from '../../forms/control-styles';
import { SecretOnce } from '../secret-once';
import { formatWhenYear } from '../../components/time-format';

const fmt = (iso: string | null) => (iso ? `${formatWhenYear(iso)}` : '—');

function readToken(v: unknown): TokenRow {
  const t = v as Partial<TokenRow> | null;
  if (!t || typeof t.id !== 'string' || typeof t.name !== 'string') throw new Error('not a token');
  return {
    id: t.id,
    name: t.name,
    prefix: String(t.prefix ?? ''),
    userId: String(t.userId ?? ''),
    email: String(t.email ?? ''),
    createdAt: String(t.createdAt ?? ''),
    lastUsedAt: t.lastUsedAt ?? null,
    revokedAt: t.revokedAt ?? null,
  };
}

function CreateToken({
  owners,
  meEmail,
  onCreated,
}: {
  owners: string[];
  meEmail: string;
  onCreated(t: TokenRow, secret: string): void;
}) {
  const [name, setName] = useState('');
  const [owner, setOwner] = useState(meEmail);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('give the token a name, e.g. the script that will use it');
      document.getElementById('token-name')?.focus();
      return;
    }
    setBusy(true);
    const res = await apiRequest({ method: 'POST', url: '/api/tokens', body: { name, email: owner } }, (b) => {
      const o = b as { token?: unknown; secret?: unknown };
      if (typeof o.secret !== 'string') throw new Error('no secret');
      return { token: readToken(o.token), secret: o.secret };
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.fields.name ?? res.fields.email ?? res.message);
      return;
    }
    setError(null);
    setName('');
    onCreated(res.data.token, res.data.secret);
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="new-token-title"
      className="rounded-lg border border-line bg-surface p-4 shadow-card"
    >
      <h2 id="new-token-title" className="font-semibold text-fg">
        Create a token
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <div>
          <label htmlFor="token-name" className={labelClass}>
            Name
          </label>
          <input
            id="token-name"
            className={`${controlClass} mt-1`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={`token-name-hint${error ? ' token-name-error' : ''}`}
            maxLength={100}
          />
          <p id="token-name-hint" className={hintClass}>
            What uses it, e.g. “nightly ACLED sync”
          </p>
          {error ? (
            <p id="token-name-error" className={errorClass}>
              {error}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="token-owner" className={labelClass}>
            Acts as
          </label>
          <select
            id="token-owner"
            className={`${controlClass} mt-1`}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            aria-describedby="token-owner-hint"
          >
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <p id="token-owner-hint" className={hintClass}>
            The token has this person’s role and is named in the audit trail
          </p>
        </div>
        <button type="submit" className={`${primaryButton} sm:mt-6`} disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

function RevokeCell({ token, onRevoked }: { token: TokenRow; onRevoked(t: TokenRow): void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (token.revokedAt) return <span className="text-muted">Revoked {fmt(token.revokedAt)}</span>;
  const revoke = async () => {
    const res = await apiRequest({ method: 'DELETE', url: `/api/tokens/${token.id}` }, (b) =>
      readToken((b as { token?: unknown }).token),
    );
    if (res.ok) onRevoked(res.data);
    else setMessage(res.message);
  };
  return confirming ? (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className={`${dangerSolidButton} px-3 py-1`} onClick={revoke} autoFocus>
        Revoke “{token.name}”
      </button>
      <button type="button" className={linkButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {message ? (
        <span role="alert" className="text-danger">
          {message}
        </span>
      ) : null}
    </span>
  ) : (
    <button type="button" className={`${dangerButton} px-3 py-1`} onClick={() => setConfirming(true)}>
      Revoke…
    </button>
  );
}

export function TokensAdmin({ initial, owners, meEmail }: { initial: TokenRow[]; owners: string[]; meEmail: string }) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const replace = (t: TokenRow) => setTokens((list) => list.map((x) => (x.id === t.id ? t : x)));
  return (
    <div className="space-y-5">
      {created ? (
        <SecretOnce
          title={`Token “${created.name}”`}
          secret={created.secret}
          note="Copy it now: it is stored only as a hash and cannot be shown again. Scripts send it as “Authorization: Bearer <token>”."
          onDone={() => setCreated(null)}
        />
      ) : null}
      <CreateToken
        owners={owners}
        meEmail={meEmail}
        onCreated={(t, secret) => {
          setTokens((list) => [t, ...list]);
          setCreated({ name: t.name, secret });
        }}
      />
      <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">API tokens</caption>
          <thead>
            <tr className="border-b border-line-strong text-left text-xs text-muted [&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
              <th scope="col">Name</th>
              <th scope="col">Token starts with</th>
              <th scope="col">Acts as</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-muted">
                  No tokens yet.
                </td>
              </tr>
            ) : null}
            {tokens.map((t) => (
              <tr
                key={t.id}
                className={`border-b border-line align-top [&>*]:px-3 [&>*]:py-2 ${t.revokedAt ? 'text-muted' : 'text-fg'}`}
              >
                <th scope="row" className="text-left font-medium">
                  {t.name}
                </th>
                <td className="font-mono text-xs">{t.prefix}…</td>
                <td>{t.email}</td>
                <td>{fmt(t.createdAt)}</td>
                <td>{fmt(t.lastUsedAt)}</td>
                <td>
                  <RevokeCell token={t} onRevoked={replace} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
