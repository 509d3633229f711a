/** /admin/groups/new */
import type { Metadata } from 'next';
import { AdminPage } from '../../admin-frame';
import { GroupForm } from '../group-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Add group · Admin' };

export default function NewGroupPage() {
  return (
    <AdminPage
      path="/admin/groups/new"
      section="/admin/groups"
      title="Add a group"
      back={{ href: '/admin/groups', label: 'Groups' }}
      render={() => <GroupForm group={null} />}
    />
  );
}
