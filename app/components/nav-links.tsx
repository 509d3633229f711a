'use client';
/** The header's navigation, marking the current section (aria-current). */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <ul className="flex items-center gap-0.5 overflow-x-auto">
      {links.map((l) => {
        const current = l.href === '/' ? path === '/' : path === l.href || path.startsWith(`${l.href}/`);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap ${current ? 'bg-surface-2 text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'}`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
