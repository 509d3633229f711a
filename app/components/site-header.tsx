/** The navigation header on every page (the wallboard covers it with its own full-screen frame). */
import Link from 'next/link';
import { NavLinks } from './nav-links';
import { NavMenu } from './nav-menu';
import { currentPrincipal } from '../sign-in/page-access';
import { ThemeToggle } from './theme-toggle';

export const NAV_LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/operations', label: 'Operations' },
  { href: '/groups', label: 'Groups' },
  { href: '/wall', label: 'Wall' },
];

/** The role's own sections, for the phone menu (the account corner shows them on wider screens). */
async function roleLinks(): Promise<{ links: { href: string; label: string }[]; account: string | null }> {
  const principal = await currentPrincipal();
  const role = principal?.actor.role;
  return {
    links: [
      ...(role === 'operator' || role === 'admin' ? [{ href: '/record', label: 'Record' }] : []),
      ...(role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
    ],
    account: principal ? `Signed in as ${principal.email} (${role})` : null,
  };
}

export async function SiteHeader({
  links = NAV_LINKS,
  extra,
}: {
  links?: { href: string; label: string }[];
  extra?: React.ReactNode;
}) {
  const mine = await roleLinks();
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/90 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-[1600px] items-center gap-3 px-3 sm:px-5">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-fg">
          <svg
            aria-hidden
            viewBox="0 0 24 24"
            className="h-6 w-6 text-accent"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
          >
            <path d="M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3Z" />
            <path d="M8 12h8M12 8v8" strokeLinecap="round" />
          </svg>
          <span className="sr-only sm:not-sr-only">Border Watch</span>
        </Link>
        <NavMenu links={[...links, ...mine.links]} account={mine.account} />
        <div className="hidden min-w-0 flex-1 md:block">
          <NavLinks links={links} />
        </div>
        <div className="flex-1 md:hidden" />
        {extra}
        <ThemeToggle />
      </nav>
    </header>
  );
}
