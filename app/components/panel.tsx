import { ExportButtons } from './exports/export-buttons';

/** A dashboard card: a titled section with optional actions and a caption under the title. */
export function Panel({
  title,
  caption,
  actions,
  children,
  className = '',
  id,
}: {
  title: string;
  caption?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={`min-w-0 rounded-xl border border-line bg-surface p-4 shadow-card ${className}`}
    >
      <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-fg">
            {title}
          </h2>
          {caption && <p className="text-xs text-muted">{caption}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** "Show the numbers": every chart's data as a table, for screen readers and for copying. */
export function DataTable({
  summary = 'Show the numbers',
  head,
  rows,
  caption,
  download,
}: {
  summary?: string;
  head: string[];
  rows: (string | number)[][];
  caption: string;
  /** Offer these numbers as CSV (and the panel's chart as SVG and PNG with `chart`). */
  download?: { name: string; label: string; chart?: boolean };
}) {
  const table = (
    <details className="mt-3 min-w-0 flex-1 text-sm print:hidden">
      <summary className="cursor-pointer text-xs font-medium text-accent select-none">{summary}</summary>
      <div className="mt-2 max-h-72 overflow-auto rounded-md border border-line">
        <table className="w-full border-collapse text-left text-xs">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-surface-2">
            <tr>
              {head.map((h, k) => (
                <th key={h} scope="col" className={`px-2 py-1.5 font-semibold text-muted ${k > 0 ? 'text-right' : ''}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-t border-line">
                {r.map((cell, k) =>
                  k === 0 ? (
                    <th key={k} scope="row" className="px-2 py-1 font-normal whitespace-nowrap text-fg">
                      {cell}
                    </th>
                  ) : (
                    <td key={k} className="px-2 py-1 text-right text-fg tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
  if (!download) return table;
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-3">
      {table}
      <div className="mt-3 print:hidden">
        <ExportButtons {...download} head={head} rows={rows} />
      </div>
    </div>
  );
}
