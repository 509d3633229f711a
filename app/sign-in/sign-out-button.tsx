'use client';
/** Signs out (POST /api/auth/sign-out) and reloads, so every server-rendered part forgets the session. */
import { useState } from 'react';
import { apiRequest } from '../forms/api-request';
import { secondaryButton } from '../forms/control-styles';

/** `compact`: an icon on narrow screens (the header has little room at 390 px), the words from sm up. */
export function SignOutButton({
  redirectTo = '/sign-in',
  className = secondaryButton,
  compact = false,
}: {
  redirectTo?: string;
  className?: string;
  compact?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        aria-label={compact ? 'Sign out' : undefined}
        onClick={async () => {
          setBusy(true);
          const res = await apiRequest({ method: 'POST', url: '/api/auth/sign-out', body: {} }, (b) => b);
          if (res.ok) {
            window.location.assign(redirectTo);
            return;
          }
          setBusy(false);
          setFailed(true);
        }}
      >
        {compact ? (
          <>
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="h-5 w-5 sm:hidden"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H4" />
            </svg>
            <span className="hidden sm:inline">{busy ? 'Signing out…' : 'Sign out'}</span>
          </>
        ) : busy ? (
          'Signing out…'
        ) : (
          'Sign out'
        )}
      </button>
      {failed ? (
        <span role="alert" className="text-sm text-danger">
          Could not sign out; try again.
        </span>
      ) : null}
    </>
  );
}
