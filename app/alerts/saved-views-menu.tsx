'use client';
/**
 * The header's saved views: each opens the overview with its filters (a link anyone signed in can
 * share), and "Save or alert on this view" takes the current page's filters to /alerts.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export interface ViewLink {
  id: string;
  name: string;
  shared: boolean;
  href: string;
}

export function SavedViewsMenu({ views }: { views: ViewLink[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const toAlerts = () => {
    // The overview's filters are its query string; other pages carry no view.
    const here = window.location.pathname === '/' ? window.location.search : '';
    setOpen(false);
    router.push(`/alerts${here}`);
  };
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="saved-views-panel"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg"
      >
        Views
      </button>
      {open && (
        <div
          id="saved-views-panel"
          role="region"
          aria-label="Saved views"
          className="absolute right-0 z-50 mt-2 w-64 rounded-lg border border-line bg-surface p-2 shadow-card"
        >
          {views.length === 0 ? (
            <p className="px-2 py-2 text-sm text-muted">No saved views yet.</p>
          ) : (
            <ul>
              {views.map((v) => (
                <li key={v.id}>
                  <Link
                    href={v.href}
                    onClick={() => setOpen(false)}
                    className="block rounded px-2 py-1.5 text-sm text-fg hover:bg-surface-2"
                  >
                    {v.name}
                    {v.shared && <span className="ml-1 text-xs text-muted">(team)</span>}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={toAlerts}
            className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm font-medium text-accent hover:bg-surface-2"
          >
            Save or alert on this view…
          </button>
        </div>
      )}
    </div>
  );
}
