/** /admin/users: add people with a role, change roles, disable and enable accounts. */
import type { Metadata } from 'next';
import { getRuntime } from '@/server/runtime';
import { AdminPage } from '../admin-frame';
import { UsersAdmin } from './users-admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users · Admin' };

export default function UsersPage() {
  return (
    <AdminPage
      path="/admin/users"
      section="/admin/users"
      title="Users"
      intro="Viewers read dashboards, operators record incidents and operations, admins manage everything here. Disabling signs a person out at once."
      render={async (me) => <UsersAdmin initial={await getRuntime().reads.users.list()} meId={me.userId} />}
    />
  );
}
