/**
 * The lists' own narrowing, beside the shared filters: where records came from (core/provenance.ts)
 * and actor text as the source wrote it. A plain GET form, so it works before (and without)
 * JavaScript; the view's other parameters ride along as hidden fields.
 */
import Link from 'next/link';
import { RECORD_SOURCES, SOURCE_LABELS, type RecordSource } from '@/core/provenance';
import { single } from './page-cursor';

export function RecordFinder({
  action,
  hidden,
  source,
  actor,
  clearHref,
}: {
  action: string;
  /** The view's parameters to keep (period, filters, sort…), as name/value pairs. */
  hidden: [string, string][];
  source: RecordSource | undefined;
  actor: string | undefined;
  clearHref: string;
}) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-center gap-2 text-sm" role="search">
      {hidden.map(([k, v]) => (
        <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
      ))}
      <label htmlFor="source-filter" className="text-muted">
        Source
      </label>
      <select
        id="source-filter"
        name="source"
        defaultValue={source ?? ''}
        className="h-8 rounded-md border border-line bg-surface px-2 text-fg"
      >
        <option value="">All sources</option>
        {RECORD_SOURCES.map((s) => (
          <option key={s} value={s}>
            {SOURCE_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor="actor-filter" className="text-muted">
        Actor named by the source
      </label>
      <input
        id="actor-filter"
        name="actor"
        defaultValue={actor ?? ''}
        maxLength={100}
        placeholder="e.g. Islamic State (Afghanistan)"
        className="h-8 w-full max-w-72 rounded-md border border-line bg-surface px-2 text-fg"
      />
      <button type="submit" className="h-8 rounded-md border border-line bg-surface px-3 font-medium text-fg">
        Find
      </button>
      {(actor || source) && (
        <Link href={clearHref} className="text-accent hover:underline">
          Clear
        </Link>
      )}
    </form>
  );
}

/** Reads the finder's two parameters from a page's search parameters. */
export function finderParams(raw: Record<string, string | string[] | undefined>): {
  source: RecordSource | undefined;
  actor: string | undefined;
} {
  const sourceParam = single(raw.source);
  return {
    source: RECORD_SOURCES.find((s) => s === sourceParam),
    // Actor text as the source wrote it ("Islamic State (Afghanistan)"): lists only, not charts.
    actor: single(raw.actor)?.trim().slice(0, 100) || undefined,
  };
}
