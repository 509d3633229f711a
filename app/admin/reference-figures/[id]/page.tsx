/** /admin/reference-figures/{id}: edit against its version, or retract. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getRuntime } from '@/server/runtime';
import { RecordEditShell } from '../../../record/record-edit-shell';
import { AdminPage } from '../../admin-frame';
import { FigureForm } from '../figure-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit reference figure · Admin' };

export default async function EditFigurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminPage
      path={`/admin/reference-figures/${id}`}
      section="/admin/reference-figures"
      title="Edit reference figure"
      back={{ href: '/admin/reference-figures', label: 'Reference figures' }}
      render={async () => {
        const figure = z.uuid().safeParse(id).success ? await getRuntime().reads.referenceFigures.get(id) : null;
        if (!figure) notFound();
        if (figure.retractedAt)
          return (
            <p className="rounded-lg border border-danger bg-danger-soft p-4 text-fg">
              This figure was retracted: “{figure.retractionReason}”.
            </p>
          );
        return (
          <RecordEditShell
            noun="reference figure"
            apiBase="/api/reference-figures"
            recordKey="referenceFigure"
            id={id}
            version={figure.version}
            pageHref="/admin/reference-figures"
            pageLinkLabel="Back to the figures"
            newHref="/admin/reference-figures/new"
            draftKey={`referenceFigure:${id}`}
          >
            <FigureForm figure={figure} />
          </RecordEditShell>
        );
      }}
    />
  );
}
