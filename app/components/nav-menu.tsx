'use client';
/**
 * The header's navigation on a phone: one "Menu" button opening the section links (and the
 * role's Record / Admin links) as a panel under the header. Closes on navigation, Escape or a
 * click outside.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

export function NavMenu({
  links,
  account = null,
}: {
  links: { href: string; label: string }[];
  account?: string | null;
}) {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(path);
  const root = useRef<HTMLDivElement>(null);
  if (shownFor !== path) {
    setShownFor(path);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={root} className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="phone-menu"
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 items-center gap-1.5 rounded-md border border-line px-2.5 text-sm font-medium text-fg hover:bg-surface-2"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2}>
          <path d={open ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16'} strokeLinecap="round" />
        </svg>
        Menu
      </button>
      {open && (
        <ul
          id="phone-menu"
          className="absolute inset-x-0 top-14 z-50 border-b border-line bg-surface px-3 py-2 shadow-lg"
        >
          {links.map((l) => {
            const current = l.href === '/' ? path === '/' : path === l.href || path.startsWith(`${l.href}/`);
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={current ? 'page' : undefined}
                  className={`block rounded-md px-3 py-2.5 text-base font-medium ${current ? 'bg-surface-2 text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'}`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
          {account && <li className="border-t border-line px-3 pt-2 pb-1 text-sm text-muted">{account}</li>}
        </ul>
      )}
    </div>
  );
}
