/** The navigation header on every page (the wallboard covers it with its own full-screen frame). */
import Link from 'next/link';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';

export const NAV_LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/operations', label: 'Operations' },
  { href: '/groups', label: 'Groups' },
  { href: '/wall', label: 'Wall' },
];

export function SiteHeader({
  links = NAV_LINKS,
  extra,
}: {
  links?: { href: string; label: string }[];
  extra?: React.ReactNode;
}) {
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
          <span className="hidden sm:inline">Border Watch</span>
        </Link>
        <div className="min-w-0 flex-1">
          <NavLinks links={links} />
        </div>
        {extra}
        <ThemeToggle />
      </nav>
    </header>
  );
}
