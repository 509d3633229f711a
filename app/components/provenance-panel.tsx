/**
 * Where a record came from (core/provenance.ts): the source, its own id, when an import last
 * matched it, a link to the source's page for the event where one exists, and what the source said
 * that has no field here, verbatim under its own column names.
 */
import type { SourceFields } from '@/core/common-schemas';
import { provenanceOf } from '@/core/provenance';
import { Panel } from './panel';
import { formatWhenYear } from './time-format';

export function ProvenancePanel({
  record,
}: {
  record: { externalId: string | null; syncedAt?: string | null; sourceFields?: SourceFields };
}) {
  const p = provenanceOf(record);
  const fields = Object.entries(record.sourceFields ?? {});
  return (
    <Panel title="Provenance">
      <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm" data-testid="provenance">
        <dt className="text-muted">Source</dt>
        <dd>{p.label}</dd>
        {p.sourceId !== null && (
          <>
            <dt className="text-muted">Source id</dt>
            <dd className="font-mono text-xs break-all">{p.sourceId}</dd>
          </>
        )}
        {p.source !== 'local' && (
          <>
            <dt className="text-muted">Last synced</dt>
            <dd>{p.syncedAt ? formatWhenYear(p.syncedAt) : 'not since provenance was recorded'}</dd>
          </>
        )}
        {p.url !== null && (
          <>
            <dt className="text-muted">At the source</dt>
            <dd>
              <a href={p.url} rel="noreferrer noopener" target="_blank" className="text-accent hover:underline">
                {p.label} record {p.sourceId}
              </a>
            </dd>
          </>
        )}
      </dl>
      {fields.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted">What {p.label} said (its columns, verbatim)</summary>
          <dl className="mt-1 grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3 gap-y-0.5 text-xs">
            {fields.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-mono text-muted">{k}</dt>
                <dd className="break-words">{v === null ? '—' : String(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </Panel>
  );
}
