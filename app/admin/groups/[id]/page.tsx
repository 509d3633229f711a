/** /admin/groups/{id}: edit a group against its version, or retract it. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getRuntime } from '@/server/runtime';
import { RecordEditShell } from '../../../record/record-edit-shell';
import { AdminPage } from '../../admin-frame';
import { GroupForm } from '../group-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit group · Admin' };

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminPage
      path={`/admin/groups/${id}`}
      section="/admin/groups"
      title="Edit group"
      back={{ href: '/admin/groups', label: 'Groups' }}
      render={async () => {
        const group = z.uuid().safeParse(id).success ? await getRuntime().reads.groups.get(id) : null;
        if (!group) notFound();
        if (group.retractedAt)
          return (
            <p className="rounded-lg border border-danger bg-danger-soft p-4 text-fg">
              {group.shortName} was retracted: “{group.retractionReason}”.
            </p>
          );
        return (
          <RecordEditShell
            noun="group"
            apiBase="/api/groups"
            recordKey="group"
            id={id}
            version={group.version}
            pageHref="/admin/groups"
            pageLinkLabel="Back to the groups"
            newHref="/admin/groups/new"
            draftKey={`group:${id}`}
          >
            <GroupForm group={group} />
          </RecordEditShell>
        );
      }}
    />
  );
}
