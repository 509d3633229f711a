/**
 * /sign-in?next=/record/incident. Already signed in: says who, offers to continue or switch
 * account. In demo mode, lists the demo accounts (they exist only there).
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { cardClass } from '../forms/control-styles';
import { currentPrincipal } from './page-access';
import { safeNext } from './safe-next';
import { SignInForm } from './sign-in-form';
import { SignOutButton } from './sign-out-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

// Only while demo data is on and the demo accounts still have the demo password (server/auth/demo-password.ts).
const demoAccounts = () => getRuntime().demoPassword.credentials();

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next);
  const principal = await currentPrincipal();
  const switching = params.switch !== undefined;
  return (
    <main id="main" className="mx-auto flex min-h-[80vh] max-w-md flex-col justify-center px-4 py-10">
      <h1 className="text-2xl font-semibold text-fg">Sign in to Border Watch</h1>
      {next !== '/' ? <p className="mt-1 text-sm text-muted">Sign in to continue to {next}.</p> : null}
      <div className={`${cardClass} mt-6`}>
        {principal && !switching ? (
          <div className="space-y-4">
            <p className="text-fg">
              You are signed in as <strong>{principal.email}</strong> ({principal.actor.role}).
            </p>
            <div className="flex flex-wrap gap-3">
              <Link
                href={next}
                className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-surface hover:opacity-90"
              >
                Continue
              </Link>
              <SignOutButton redirectTo={`/sign-in?next=${encodeURIComponent(next)}`} />
            </div>
          </div>
        ) : (
          <SignInForm
            next={next}
            demo={await demoAccounts()}
            error={typeof params.error === 'string' ? params.error : undefined}
          />
        )}
      </div>
      <p className="mt-4 text-xs text-muted">
        Accounts are created by an administrator. Forgot your password? Ask an administrator to set a new one.
      </p>
    </main>
  );
}
