/** /admin/annotations/{id}: edit an annotation against its version, or retract. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getRuntime } from '@/server/runtime';
import { RecordEditShell } from '../../../record/record-edit-shell';
import { AdminPage } from '../../admin-frame';
import { AnnotationForm } from '../annotation-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit annotation · Admin' };

export default async function EditAnnotationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminPage
      path={`/admin/annotations/${id}`}
      section="/admin/annotations"
      title="Edit annotation"
      back={{ href: '/admin/annotations', label: 'Annotations' }}
      render={async () => {
        const annotation = z.uuid().safeParse(id).success ? await getRuntime().reads.annotations.get(id) : null;
        if (!annotation) notFound();
        if (annotation.retractedAt)
          return (
            <p className="rounded-lg border border-danger bg-danger-soft p-4 text-fg">
              This annotation was retracted: “{annotation.retractionReason}”.
            </p>
          );
        return (
          <RecordEditShell
            noun="annotation"
            apiBase="/api/annotations"
            recordKey="annotation"
            id={id}
            version={annotation.version}
            pageHref="/admin/annotations"
            pageLinkLabel="Back to the annotations"
            newHref="/admin/annotations/new"
            draftKey={`annotation:${id}`}
          >
            <AnnotationForm annotation={annotation} />
          </RecordEditShell>
        );
      }}
    />
  );
}
