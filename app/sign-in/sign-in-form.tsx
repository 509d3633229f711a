'use client';
/**
 * Email and password sign-in against better-auth (POST /api/auth/sign-in/email, which sets the
 * HttpOnly session cookie). The answer never says whether the email or the password was wrong.
 * After signing in, a full page load of `next`, so every server-rendered part sees the session.
 */
import { useState } from 'react';
import { apiRequest } from '../forms/api-request';
import { controlClass, errorClass, labelClass, primaryButton, secondaryButton } from '../forms/control-styles';

interface DemoAccount {
  email: string;
  role: string;
}

const MESSAGES: Record<string, string> = {
  unauthenticated: 'Wrong email or password.',
  forbidden: 'This account cannot sign in: it may be disabled. Ask an administrator.',
};

/** Errors the no-JavaScript form route reports back in `?error=` (server/api/sign-in-form.ts). */
const FORM_ERRORS: Record<string, string> = {
  wrong: MESSAGES.unauthenticated!,
  missing: 'Enter your email address and password.',
  rate_limited: 'Too many sign-in attempts. Wait a minute and try again.',
  unavailable: 'Signing in is not possible right now; try again in a moment.',
};

export function SignInForm({
  next,
  demo,
  error,
}: {
  next: string;
  demo: { accounts: DemoAccount[]; password: string } | null;
  /** Set when the form was posted without JavaScript and the server sent it back. */
  error?: string;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(error ? (FORM_ERRORS[error] ?? null) : null);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = 'enter your email address';
    if (!password) missing.password = 'enter your password';
    setFields(missing);
    setMessage(null);
    if (Object.keys(missing).length > 0) {
      document.getElementById(missing.email ? 'email' : 'password')?.focus();
      return;
    }
    setBusy(true);
    const res = await apiRequest(
      { method: 'POST', url: '/api/auth/sign-in/email', body: { email, password, rememberMe: remember } },
      (b) => b,
    );
    if (res.ok) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setFields(res.fields);
    if (res.status === 429)
      setMessage(`Too many sign-in attempts from this address. Wait ${res.retryAfter ?? 60} seconds and try again.`);
    else if (Object.keys(res.fields).length === 0) setMessage(MESSAGES[res.code] ?? res.message);
    document.getElementById(res.fields.email ? 'email' : 'password')?.focus();
  };

  const fill = (account: DemoAccount) => {
    if (!demo) return;
    setEmail(account.email);
    setPassword(demo.password);
    setFields({});
    setMessage(null);
  };

  const described = (id: string) => (fields[id] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  return (
    // Without JavaScript (or before it loads) the browser posts the form itself: never as GET, so the
    // password is never in a URL; the form route answers with a redirect.
    <form method="post" action="/api/auth/sign-in/form" onSubmit={submit} noValidate className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <div aria-live="assertive" role="alert">
        {message ? (
          <p className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm font-medium text-fg">
            {message}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          className={`${controlClass} mt-1`}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          {...described('email')}
        />
        {fields.email ? (
          <p id="email-error" className={errorClass}>
            {fields.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="password"
            name="password"
            type={show ? 'text' : 'password'}
            autoComplete="current-password"
            required
            className={controlClass}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...described('password')}
          />
          <button
            type="button"
            className={`${secondaryButton} shrink-0 px-3`}
            onClick={() => setShow((s) => !s)}
            aria-pressed={show}
            aria-controls="password"
          >
            {show ? 'Hide' : 'Show'}
          </button>
        </div>
        {fields.password ? (
          <p id="password-error" className={errorClass}>
            {fields.password}
          </p>
        ) : null}
      </div>
      <label className="flex items-center gap-2 text-sm text-fg">
        <input
          type="checkbox"
          name="remember"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          className="size-4 accent-[var(--accent)]"
        />
        Keep me signed in on this device
      </label>
      <button type="submit" className={`${primaryButton} w-full`} disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {demo ? (
        <div className="rounded-md border border-line bg-surface-2 p-3 text-sm">
          <p className="font-medium text-fg">Demo accounts</p>
          <p className="mt-0.5 text-muted">
            Password <code className="font-mono text-fg">{demo.password}</code>. Fill in:
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            {demo.accounts.map((a) => (
              <button
                key={a.email}
                type="button"
                className={`${secondaryButton} px-3 py-1`}
                onClick={() => fill(a)}
                aria-label={`Fill in the demo ${a.role} account`}
              >
                {a.role}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </form>
  );
}
