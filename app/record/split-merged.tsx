/**
 * "Merged into this record", on an incident's page for operators: the reports merged into it and
 * not split out, each linked, and the split that brings one back as its own record (the operator
 * chooses which when there are several). Rendered only when there is something to split.
 */
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '@/core/enums';
import { placeLabel } from '@/core/stats/incident-brief';
import { Panel } from '../components/panel';
import { formatWhenYear } from '../components/time-format';
import { mayWrite } from './edit-record-link';
import { SplitMergedForm, type MergedChoice } from './split-merged-form';

export async function SplitMerged({ id, retracted }: { id: string; retracted: boolean }) {
  if (retracted || !(await mayWrite())) return null;
  const merged = await getRuntime().reads.duplicates.mergedInto(id);
  if (merged.length === 0) return null;
  const choices: MergedChoice[] = merged.map(({ record: r, mergedAt }) => ({
    id: r.id,
    label: [
      `${INCIDENT_TYPE_INFO[r.type].label}, ${placeLabel(r, (p) => PROVINCE_LABELS[p])}`,
      r.sources.map((s) => s.name).join(', ') || null,
      r.externalId,
    ]
      .filter(Boolean)
      .join(' · '),
    mergedAt: formatWhenYear(mergedAt),
  }));
  return (
    <Panel
      title="Merged into this record"
      caption="Reports of the same event merged here; a split brings one back as its own record"
    >
      <ul className="mb-3 space-y-1 text-sm" data-testid="merged-records">
        {choices.map((c) => (
          <li key={c.id}>
            <Link href={`/incidents/${c.id}`} className="text-accent hover:underline">
              {c.label}
            </Link>{' '}
            <span className="text-muted">merged {c.mergedAt}</span>
          </li>
        ))}
      </ul>
      <SplitMergedForm incidentId={id} merged={choices} />
    </Panel>
  );
}
