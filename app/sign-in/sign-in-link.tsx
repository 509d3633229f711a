'use client';
/** "Sign in", coming back to the page the visitor is on. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function SignInLink() {
  const path = usePathname();
  const next = path && path !== '/sign-in' ? `?next=${encodeURIComponent(path)}` : '';
  return (
    <Link
      href={`/sign-in${next}`}
      className="shrink-0 rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-surface hover:opacity-90"
    >
      Sign in
    </Link>
  );
}
