/** /admin/annotations: dated events drawn on the trend charts. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { primaryButton } from '../../forms/control-styles';
import { AdminPage } from '../admin-frame';
import { DATE_PRECISION_LABELS, KIND_LABELS } from './annotation-draft';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Annotations · Admin' };

export default function AnnotationsAdminPage() {
  return (
    <AdminPage
      path="/admin/annotations"
      section="/admin/annotations"
      title="Annotations"
      intro="Talks, policy changes, reports and other dated events, drawn as marks on the trend charts."
      render={async () => {
        const annotations = await getRuntime().reads.annotations.list();
        return (
          <div className="space-y-4">
            <Link href="/admin/annotations/new" className={primaryButton}>
              + Add annotation
            </Link>
            <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card">
              <table className="w-full min-w-[36rem] text-sm">
                <caption className="sr-only">Annotations</caption>
                <thead>
                  <tr className="border-b border-line-strong text-left text-xs text-muted [&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                    <th scope="col">Date</th>
                    <th scope="col">Title</th>
                    <th scope="col">Kind</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {annotations.map((a) => (
                    <tr key={a.id} className="border-b border-line align-top [&>*]:px-3 [&>*]:py-2">
                      <td className="whitespace-nowrap tabular-nums">
                        {a.date}
                        {a.endDate ? ` – ${a.endDate}` : ''}
                        <span className="block text-xs text-muted">{DATE_PRECISION_LABELS[a.datePrecision]}</span>
                      </td>
                      <th scope="row" className="text-left font-medium text-fg">
                        {a.title}
                      </th>
                      <td>{KIND_LABELS[a.kind]}</td>
                      <td>
                        <Link
                          href={`/admin/annotations/${a.id}`}
                          className="font-medium text-accent hover:underline"
                          aria-label={`Edit ${a.title}`}
                        >
                          Edit
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      }}
    />
  );
}
