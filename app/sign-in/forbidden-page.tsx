/**
 * The 403 page of a signed-in person without the needed role: who they are, what each role opens,
 * and what they can do instead. Pages call requireRole, which calls Next's forbidden(): the
 * answer's status is 403 and app/forbidden.tsx renders this page.
 */
import Link from 'next/link';
import type { Role } from '@/core/enums';
import type { Principal } from '@/server/auth/principal';

const WHAT: Record<Role, string> = {
  viewer: 'read the dashboards',
  operator: 'record and edit incidents and operations',
  admin: 'manage users, API tokens, groups, reference figures, annotations and imports',
};

export function ForbiddenPage({ principal }: { principal: Principal | null }) {
  const path = `/sign-in?switch=1`;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-danger uppercase">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold text-fg">Your role does not open this page</h1>
      {principal && (
        <p className="mt-3 text-fg">
          You are signed in as <strong>{principal.email}</strong> with the <strong>{principal.actor.role}</strong> role,
          which can {WHAT[principal.actor.role]}.
        </p>
      )}
      <ul className="mt-3 list-disc pl-5 text-fg">
        <li>Operators {WHAT.operator}.</li>
        <li>Admins {WHAT.admin}.</li>
      </ul>
      <p className="mt-3 text-muted">Ask an administrator to change your role, or sign in with another account.</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-surface hover:opacity-90">
          Back to the dashboard
        </Link>
        <Link
          href={path}
          className="rounded-md border border-line-strong bg-surface px-4 py-2 text-sm font-semibold text-fg hover:bg-surface-2"
        >
          Sign in as someone else
        </Link>
      </div>
    </main>
  );
}
