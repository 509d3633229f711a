/** Title block of the record and admin pages: where you are, what the page does, the way back. */
import Link from 'next/link';
import type { ReactNode } from 'react';

export function PageHeading({
  title,
  intro,
  back,
  children,
}: {
  title: string;
  intro?: ReactNode;
  back?: { href: string; label: string };
  children?: ReactNode;
}) {
  return (
    <header className="mb-5">
      {back ? (
        <Link href={back.href} className="text-sm text-accent hover:underline">
          ← {back.label}
        </Link>
      ) : null}
      <div className="mt-1 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold text-fg">{title}</h1>
        {children}
      </div>
      {intro ? <p className="mt-1 max-w-3xl text-sm text-muted">{intro}</p> : null}
    </header>
  );
}
