/** /record: what to record. Operators land here from the header's "Record" link. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '../sign-in/page-access';
import { PageHeading } from './page-heading';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Record' };

const CHOICES: { href: string; title: string; label?: string; text: string }[] = [
  {
    href: '/record/incident',
    title: 'Incident',
    text: 'An attack, bombing, targeted killing, kidnapping, cross-border fire or clash, with its casualties and sources.',
  },
  {
    href: '/record/operation',
    title: 'Operation',
    text: 'A security-force operation: intelligence-based, clearance, cordon and search, border interdiction or air strike.',
  },
  {
    href: '/record/import',
    title: 'Import',
    label: 'Import an ACLED, UCDP GED or GTD CSV →',
    text: 'Backfill incidents from a source export: progress while it runs, then a report that accounts for every row and death.',
  },
  {
    href: '/record/duplicates',
    title: 'Possible duplicates',
    label: 'Review possible duplicates →',
    text: 'Pairs of records that may report one event, side by side with the reasons: merge, not a duplicate, or later.',
  },
];

export default async function RecordPage() {
  await requireRole('operator', '/record');
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6 sm:px-6">
      <PageHeading title="Record" intro="Drafts are kept on this device until saved, so nothing typed is lost." />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {CHOICES.map((c) => (
          <li key={c.href}>
            <Link
              href={c.href}
              className="block h-full rounded-lg border border-line bg-surface p-5 shadow-card hover:border-accent focus-visible:border-accent"
            >
              <span className="text-lg font-semibold text-accent">{c.label ?? `New ${c.title.toLowerCase()} →`}</span>
              <span className="mt-1 block text-sm text-muted">{c.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
