/**
 * Which sources the overview's incident figures include (core/provenance.ts): a number on screen
 * is a claim, and a total of ACLED and GTD rows is not the same claim as ACLED's alone.
 */
import { RECORD_SOURCES, SOURCE_LABELS, type RecordSource } from '@/core/provenance';
import { formatCount } from '../number-format';

export function CountedSources({ sources }: { sources: Partial<Record<RecordSource, number>> }) {
  const present = RECORD_SOURCES.filter((s) => (sources[s] ?? 0) > 0);
  return (
    <p className="text-xs text-muted" data-testid="counted-sources">
      Incident figures include records from:{' '}
      {present.length === 0 ? (
        <span className="font-medium text-fg">no records in this view</span>
      ) : (
        present.map((s, i) => (
          <span key={s}>
            {i > 0 && ', '}
            <span className="font-medium text-fg">{SOURCE_LABELS[s]}</span> ({formatCount(sources[s]!)})
          </span>
        ))
      )}{' '}
      · as loaded; filter a list by source under Incidents
    </p>
  );
}
