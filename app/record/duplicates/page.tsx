/** /record/duplicates: the review queue of possible duplicates, for operators (keyboard driven, live). */
import type { Metadata } from 'next';
import { CandidateFilter } from '@/core/duplicate/schema';
import { getRuntime } from '@/server/runtime';
import { requireRole } from '../../sign-in/page-access';
import { PageHeading } from '../page-heading';
import { DuplicateQueue } from './duplicate-queue';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Possible duplicates' };

export default async function DuplicatesPage() {
  await requireRole('operator', '/record/duplicates');
  const items = await getRuntime().reads.duplicates.list(CandidateFilter.parse({}));
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeading
        title="Possible duplicates"
        back={{ href: '/record', label: 'Record' }}
        intro="Pairs of records that may report one event, most likely first. Until a pair is resolved both records count. Keys: j / k next and previous, m then Enter merge, n not a duplicate, l later."
      />
      <DuplicateQueue initial={items} zone={getRuntime().env.REPORT_TIMEZONE} />
    </main>
  );
}
