/** /admin/groups: the organisations incidents are attributed to, with their latest strength estimate. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { primaryButton } from '../../forms/control-styles';
import { AdminPage } from '../admin-frame';
import { RematchButton } from './rematch-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Groups · Admin' };

export default function GroupsAdminPage() {
  return (
    <AdminPage
      path="/admin/groups"
      section="/admin/groups"
      title="Groups"
      intro="Retracting a group keeps its past incidents attributed; new records can no longer pick it."
      render={async () => {
        const groups = await getRuntime().reads.groups.list();
        return (
          <div className="space-y-4">
            <Link href="/admin/groups/new" className={primaryButton}>
              + Add group
            </Link>
            <RematchButton />
            <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card">
              <table className="w-full min-w-[40rem] text-sm">
                <caption className="sr-only">Groups</caption>
                <thead>
                  <tr className="border-b border-line-strong text-left text-xs text-muted [&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                    <th scope="col">Group</th>
                    <th scope="col">Aliases</th>
                    <th scope="col">Proscribed</th>
                    <th scope="col">Latest strength estimate</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => {
                    const latest = [...g.strengthEstimates].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
                    return (
                      <tr key={g.id} className="border-b border-line align-top [&>*]:px-3 [&>*]:py-2">
                        <th scope="row" className="text-left font-medium text-fg">
                          {g.shortName}
                          <span className="block text-xs font-normal text-muted">{g.fullName}</span>
                        </th>
                        <td className="text-muted">{g.aliases.length > 0 ? g.aliases.join(', ') : '—'}</td>
                        <td>{g.proscribed ? 'Yes' : 'No'}</td>
                        <td className="tabular-nums">
                          {latest
                            ? `${latest.low.toLocaleString('en')}–${latest.high.toLocaleString('en')} (${latest.asOf}, ${latest.source})`
                            : '—'}
                        </td>
                        <td>
                          <Link
                            href={`/admin/groups/${g.id}`}
                            className="font-medium text-accent hover:underline"
                            aria-label={`Edit ${g.shortName}`}
                          >
                            Edit
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      }}
    />
  );
}
