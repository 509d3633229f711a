/** /admin: what an administrator manages, one card per section. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { ADMIN_SECTIONS, AdminPage } from './admin-frame';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin' };

const TEXT: Record<string, string> = {
  '/admin/users': 'Add people with a role, change roles, disable accounts.',
  '/admin/tokens': 'Tokens for scripts and integrations: create (shown once), see use, revoke.',
  '/admin/groups': 'Militant organisations, their aliases and strength estimates.',
  '/admin/reference-figures': 'Published figures kept as reported, to compare with ours.',
  '/admin/annotations': 'Dated events shown on trend charts.',
  '/admin/acled-sync': 'The ACLED account, its sync schedule, runs and their reports.',
};

export default function AdminIndexPage() {
  return (
    <AdminPage
      path="/admin"
      section="/admin"
      title="Admin"
      render={() => (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {ADMIN_SECTIONS.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                className="block h-full rounded-lg border border-line bg-surface p-4 shadow-card hover:border-accent"
              >
                <span className="font-semibold text-accent">{s.label} →</span>
                <span className="mt-1 block text-sm text-muted">{TEXT[s.href]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    />
  );
}
