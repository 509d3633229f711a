/**
 * POST /api/auth/sign-in/form: the sign-in page's form as the browser posts it without JavaScript
 * (application/x-www-form-urlencoded: email, password, remember, next). Same checks as the JSON
 * route; the answer is a 303 redirect: to `next` with the session cookie, or back to /sign-in with
 * `?error=`. Its Origin must be this site's even without a cookie: a foreign page must not sign a
 * visitor into an account of its choosing.
 */
import type { Context } from 'hono';
import { safeNext } from '../../core/access/safe-next';
import { DomainError } from '../../core/errors';
import { assertSameSite } from '../auth/site-origin';
import { backoffSeconds, clearFailures, recordFailure } from '../auth/sign-in-backoff';
import { SignInInput } from '../auth/user-schemas';
import type { Runtime } from '../runtime';

const MAX_FORM_BYTES = 8 * 1024;

export type Forward = (c: Context, body: unknown, path: string) => Promise<Response>;

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

export async function signInFromForm(c: Context, runtime: Runtime, forward: Forward): Promise<Response> {
  assertSameSite(
    runtime.env,
    { origin: c.req.header('origin'), referer: c.req.header('referer'), host: c.req.header('host') },
    'sign-in',
  );
  const length = Number(c.req.header('content-length'));
  if (!Number.isFinite(length) || length > MAX_FORM_BYTES)
    throw new DomainError('payload_too_large', `The sign-in form must be under ${MAX_FORM_BYTES / 1024} KB.`);
  if (!/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? ''))
    throw new DomainError('unsupported_media_type', 'Send the sign-in form as application/x-www-form-urlencoded.');
  const form = new URLSearchParams(await c.req.text());
  const next = safeNext(form.get('next') ?? undefined);
  const back = (error: string) => redirect(`/sign-in?next=${encodeURIComponent(next)}&error=${error}`);
  const parsed = SignInInput.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) return back('missing');
  const { email, password } = parsed.data;
  const db = runtime.database.db;
  if ((await backoffSeconds(db, email)) > 0) return back('rate_limited');
  const res = await forward(
    c,
    { email, password, rememberMe: form.get('remember') === 'on' },
    '/api/auth/sign-in/email',
  );
  if (res.ok) {
    await clearFailures(db, email);
    return redirect(next, res.headers.getSetCookie());
  }
  const code = res.status === 403 ? ((await res.json().catch(() => null)) as { code?: string } | null)?.code : null;
  if (res.status === 401 || code === 'BANNED_USER') {
    await recordFailure(db, email);
    return back('wrong');
  }
  return back(res.status === 429 ? 'rate_limited' : 'unavailable');
}
