/**
 * The header's account corner: Record (operators) and Admin (admins) links, who is signed in with
 * their role, and sign out; or "Sign in" for visitors. Rendered on the server from the session.
 */
import { NavLinks } from '../components/nav-links';
import { NoticeToast, SignOutButton } from './signed-in-lazy';
import { currentPrincipal } from './page-access';
import { SignInLink } from './sign-in-link';
import { AlertsCorner } from '../alerts/alerts-corner';

export async function AccountNav() {
  const principal = await currentPrincipal();
  if (!principal) return <SignInLink />;
  const role = principal.actor.role;
  const links = [
    ...(role === 'operator' || role === 'admin' ? [{ href: '/record', label: 'Record' }] : []),
    ...(role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <div className="flex shrink-0 items-center gap-2">
      <NoticeToast />
      {links.length > 0 ? (
        <div className="hidden md:block">
          <NavLinks links={links} />
        </div>
      ) : null}
      <AlertsCorner principal={principal} />
      <span
        className="hidden items-center gap-1.5 text-sm text-muted sm:flex"
        title={`Signed in as ${principal.email} (${role})`}
      >
        <span className="hidden max-w-[14rem] truncate lg:inline">{principal.email}</span>
        <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs font-semibold text-fg" aria-label={`Role: ${role}`}>
          {role}
        </span>
      </span>
      <SignOutButton
        compact
        className="rounded-md px-2 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-60"
      />
    </div>
  );
}
