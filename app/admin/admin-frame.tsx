/**
 * Every admin page: the role check (anonymous → sign in, not admin → 403), the section tabs, and
 * the page title. Admin pages read on the server and write through the API.
 */
import type { ReactNode } from 'react';
import Link from 'next/link';
import type { Principal } from '@/server/auth/principal';
import { getRuntime } from '@/server/runtime';
import { requireRole } from '../sign-in/page-access';
import { PageHeading } from '../record/page-heading';

export const ADMIN_SECTIONS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/groups', label: 'Groups' },
  { href: '/admin/reference-figures', label: 'Reference figures' },
  { href: '/admin/annotations', label: 'Annotations' },
  { href: '/admin/acled-sync', label: 'ACLED sync' },
] as const;

function AdminTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Admin sections" className="mb-5 overflow-x-auto border-b border-line">
      <ul className="flex gap-1">
        {ADMIN_SECTIONS.map((s) => {
          const active = current === s.href;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${active ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg'}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Guards and frames an admin page. `render` runs only for admins, so a 403 costs no data reads.
 */
export async function AdminPage(props: {
  path: string;
  section: string;
  title: string;
  intro?: ReactNode;
  back?: { href: string; label: string };
  render: (principal: Principal) => Promise<ReactNode> | ReactNode;
}) {
  const access = await requireRole('admin', props.path);
  const demoPassword = await getRuntime().demoPassword.accounts();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      {demoPassword.length > 0 && (
        <div role="alert" className="mb-4 rounded-xl border border-danger bg-danger-soft px-4 py-3 text-sm text-fg">
          <strong className="font-semibold">The public demo password is still in use</strong> by{' '}
          {demoPassword.join(', ')}. Anyone who has read the README can sign in as them: set new passwords or disable
          these accounts in Users.
        </div>
      )}
      <AdminTabs current={props.section} />
      <PageHeading title={props.title} intro={props.intro} back={props.back} />
      {await props.render(access.principal)}
    </main>
  );
}
