/** /admin/tokens: API tokens for scripts (shown once at creation, stored hashed, revocable). */
import type { Metadata } from 'next';
import { getRuntime } from '@/server/runtime';
import { AdminPage } from '../admin-frame';
import { TokensAdmin } from './tokens-admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens · Admin' };

export default function TokensPage() {
  return (
    <AdminPage
      path="/admin/tokens"
      section="/admin/tokens"
      title="API tokens"
      intro="A token lets a script use the API as a person, with that person’s role. Revoke a token as soon as it is no longer needed or may have leaked."
      render={async (me) => {
        const { users: reads } = getRuntime().reads;
        const [tokens, users] = await Promise.all([reads.tokens(), reads.list()]);
        return (
          <TokensAdmin
            initial={tokens}
            owners={users.filter((u) => !u.disabled).map((u) => u.email)}
            meEmail={me.email}
          />
        );
      }}
    />
  );
}
