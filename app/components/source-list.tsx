/** An incident's or operation's sources, linked where they have an address. */
import type { Source } from '@/core/common-schemas';
import { formatDay } from './time-format';

export function SourceList({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return <p className="text-sm text-muted">No sources recorded.</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {sources.map((s, k) => (
        <li key={k} className="flex flex-wrap items-baseline gap-x-2">
          {s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer" className="text-accent hover:underline">
              {s.name}
            </a>
          ) : (
            <span className="text-fg">{s.name}</span>
          )}
          {s.publishedAt && <span className="text-xs text-muted">published {formatDay(s.publishedAt)}</span>}
        </li>
      ))}
    </ul>
  );
}
