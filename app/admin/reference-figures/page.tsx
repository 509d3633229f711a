/** /admin/reference-figures: published figures kept as reported, to set beside ours. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { primaryButton } from '../../forms/control-styles';
import { AdminPage } from '../admin-frame';
import { VALUE_KIND_LABELS } from './figure-draft';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reference figures · Admin' };

const value = (v: number, high: number | null, unit: string | null) =>
  `${v.toLocaleString('en')}${high !== null ? `–${high.toLocaleString('en')}` : ''}${unit ? ` ${unit}` : ''}`;

export default function FiguresAdminPage() {
  return (
    <AdminPage
      path="/admin/reference-figures"
      section="/admin/reference-figures"
      title="Reference figures"
      intro="Figures published by others (governments, think tanks, the UN), kept exactly as reported."
      render={async () => {
        const figures = await getRuntime().reads.referenceFigures.list();
        return (
          <div className="space-y-4">
            <Link href="/admin/reference-figures/new" className={primaryButton}>
              + Add figure
            </Link>
            <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card">
              <table className="w-full min-w-[44rem] text-sm">
                <caption className="sr-only">Reference figures</caption>
                <thead>
                  <tr className="border-b border-line-strong text-left text-xs text-muted [&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                    <th scope="col">Figure</th>
                    <th scope="col">Value</th>
                    <th scope="col">Period</th>
                    <th scope="col">Source</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {figures.map((f) => (
                    <tr key={f.id} className="border-b border-line align-top [&>*]:px-3 [&>*]:py-2">
                      <th scope="row" className="text-left font-medium text-fg">
                        {f.metric}
                      </th>
                      <td className="whitespace-nowrap tabular-nums">
                        {value(f.value, f.valueHigh, f.unit)}
                        <span className="block text-xs text-muted">{VALUE_KIND_LABELS[f.valueKind]}</span>
                      </td>
                      <td>{f.periodLabel}</td>
                      <td className="text-muted">{f.sourceName}</td>
                      <td>
                        <Link
                          href={`/admin/reference-figures/${f.id}`}
                          className="font-medium text-accent hover:underline"
                          aria-label={`Edit ${f.metric}`}
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
