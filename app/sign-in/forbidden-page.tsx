/**
 * The 403 page of a signed-in person without the needed role: says what is needed, who they are
 * and what they can do instead. (Rendered by the page itself; Next's forbidden() needs the
 * experimental authInterrupts flag, so the status stays 200.)
 */
import Link from 'next/link';
import type { Role } from '@/core/enums';
import type { Principal } from '@/server/auth/principal';

const WHAT: Record<Role, string> = {
  viewer: 'read the dashboards',
  operator: 'record and edit incidents and operations',
  admin: 'manage users, API tokens, groups, reference figures, annotations and imports',
};

export function ForbiddenPage({ principal, needed }: { principal: Principal; needed: Role }) {
  const path = `/sign-in?switch=1`;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-danger uppercase">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold text-fg">This page needs the {needed} role</h1>
      <p className="mt-3 text-fg">
        You are signed in as <strong>{principal.email}</strong> with the <strong>{principal.actor.role}</strong> role. The {needed} role is needed to {WHAT[needed]}.
      </p>
      <p className="mt-3 text-muted">Ask an administrator to change your role, or sign in with another account.</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-surface hover:opacity-90">
          Back to the dashboard
        </Link>
        <Link href={path} className="rounded-md border border-line-strong bg-surface px-4 py-2 text-sm font-semibold text-fg hover:bg-surface-2">
          Sign in as someone else
        </Link>
      </div>
    </main>
  );
}
