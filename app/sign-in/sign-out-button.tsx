'use client';
/** Signs out (POST /api/auth/sign-out) and reloads, so every server-rendered part forgets the session. */
import { useState } from 'react';
import { apiRequest } from '../forms/api-request';
import { secondaryButton } from '../forms/control-styles';

export function SignOutButton({ redirectTo = '/sign-in', className = secondaryButton }: { redirectTo?: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
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
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {failed ? (
        <span role="alert" className="text-sm text-danger">
          Could not sign out; try again.
        </span>
      ) : null}
    </>
  );
}
