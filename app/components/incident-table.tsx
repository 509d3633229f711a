/** The incidents table (server-rendered): one row per incident, retracted ones struck through. */
import Link from 'next/link';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS, TARGET_LABELS } from '@/core/enums';
import type { Incident } from '@/core/incident/schema';
import { isMassCasualty, placeLabel, toBrief } from '@/core/stats/incident-brief';
import { VerificationBadge } from './verification-badge';
import { TYPE_COLORS } from './palette';
import { formatFigures } from './number-format';
import { NotReported } from './not-reported';
import { formatOccurred } from './time-format';
import type { RecordSort } from './page-cursor';

export function IncidentTable({
  items,
  sort,
  flipSortHref,
  threshold,
  fresh,
}: {
  items: Incident[];
  sort: RecordSort;
  /** The same view sorted by when, the other way round. */
  flipSortHref: string;
  threshold: number;
  /** Rows that arrived live, highlighted for a while. */
  fresh?: ReadonlySet<string>;
}) {
  if (items.length === 0) {
    return (
      <p className="rounded-xl border border-line bg-surface px-4 py-12 text-center text-sm text-muted">
        No incidents match this view.
      </p>
    );
  }
  const whenSort = sort === 'occurredAt' ? 'ascending' : sort === '-occurredAt' ? 'descending' : 'none';
  const th = 'px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';
  return (
    <>
      <IncidentCards items={items} threshold={threshold} fresh={fresh} />
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface shadow-card md:block">
        <table className="w-full min-w-[880px] border-collapse text-sm">
          <caption className="sr-only">Incidents in this view, {items.length} on this page</caption>
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" aria-sort={whenSort} className={th}>
                <Link href={flipSortHref} className="hover:text-fg">
                  When {whenSort === 'ascending' ? '▲' : whenSort === 'descending' ? '▼' : ''}
                </Link>
              </th>
              <th scope="col" className={th}>
                Place
              </th>
              <th scope="col" className={th}>
                Type · target
              </th>
              <th scope="col" className={th}>
                Group
              </th>
              <th scope="col" className={`${th} text-right`}>
                Killed
              </th>
              <th scope="col" className={`${th} text-right`}>
                Injured
              </th>
              <th scope="col" className={th}>
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const b = toBrief(i);
              const retracted = i.retractedAt !== null;
              const mass = isMassCasualty(b, threshold);
              return (
                <tr
                  key={i.id}
                  className={`border-t border-line align-top hover:bg-surface-2/60 ${mass ? 'shadow-[inset_3px_0_0_var(--danger)]' : ''} ${fresh?.has(i.id) ? 'arrive' : ''}`}
                >
                  <td className="px-3 py-2 whitespace-nowrap text-muted tabular-nums">
                    <Link prefetch={false} href={`/incidents/${i.id}`} className="text-fg hover:underline">
                      {formatOccurred(i.occurredAt, i.timePrecision)}
                    </Link>
                  </td>
                  <td className={`max-w-72 px-3 py-2 ${retracted ? 'text-muted line-through' : 'text-fg'}`}>
                    {placeLabel(i, (p) => PROVINCE_LABELS[p])}
                    {retracted && (
                      <span className="block text-xs text-danger no-underline">Retracted: {i.retractionReason}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <span
                      className={`inline-flex items-center gap-1.5 ${retracted ? 'text-muted line-through' : 'text-fg'}`}
                    >
                      <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: TYPE_COLORS[i.type] }} />
                      {INCIDENT_TYPE_INFO[i.type].label}
                    </span>
                    <span className="block text-xs text-muted">{TARGET_LABELS[i.targetType]}</span>
                  </td>
                  <td className="px-3 py-2 text-fg">
                    {i.groupName ??
                      (b.namedActor ? (
                        <span title="Named by the source; not one of the listed groups">{b.namedActor}</span>
                      ) : (
                        <span className="text-muted italic">Unknown</span>
                      ))}
                  </td>
                  <td className={`px-3 py-2 text-right tabular-nums ${mass ? 'font-semibold text-danger' : 'text-fg'}`}>
                    {b.killed.missing ? <NotReported short /> : formatFigures(b.killed)}
                  </td>
                  <td className="px-3 py-2 text-right text-fg tabular-nums">
                    {b.injured.missing ? <NotReported short /> : formatFigures(b.injured)}
                  </td>
                  <td className="px-3 py-2">
                    <VerificationBadge status={i.verification} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** On a phone, one card per incident with what a reader scans for: type, group, killed, status, place, date. */
function IncidentCards({
  items,
  threshold,
  fresh,
}: {
  items: Incident[];
  threshold: number;
  fresh?: ReadonlySet<string>;
}) {
  return (
    <ul aria-label="Incidents in this view" className="space-y-2 md:hidden">
      {items.map((i) => {
        const b = toBrief(i);
        const retracted = i.retractedAt !== null;
        const mass = isMassCasualty(b, threshold);
        return (
          <li
            key={i.id}
            className={`rounded-xl border border-line bg-surface shadow-card ${mass ? 'border-l-4 border-l-danger' : ''} ${fresh?.has(i.id) ? 'arrive' : ''}`}
          >
            <Link prefetch={false} href={`/incidents/${i.id}`} className="block px-3 py-2.5">
              <span className="flex items-center justify-between gap-2 text-xs text-muted">
                <span className="tabular-nums">{formatOccurred(i.occurredAt, i.timePrecision)}</span>
                <VerificationBadge status={i.verification} />
              </span>
              <span className={`mt-1 block font-medium ${retracted ? 'text-muted line-through' : 'text-fg'}`}>
                <span
                  aria-hidden
                  className="mr-1.5 inline-block h-2 w-2 rounded-full align-middle"
                  style={{ background: TYPE_COLORS[i.type] }}
                />
                {INCIDENT_TYPE_INFO[i.type].label}
                <span className="font-normal text-muted"> · {i.groupName ?? b.namedActor ?? 'Unknown group'}</span>
              </span>
              <span className="mt-0.5 block text-sm break-words text-fg">
                {placeLabel(i, (p) => PROVINCE_LABELS[p])}
              </span>
              <span className={`mt-0.5 block text-sm tabular-nums ${mass ? 'font-semibold text-danger' : 'text-fg'}`}>
                {b.killed.missing ? 'killed not reported' : `${formatFigures(b.killed)} killed`} ·{' '}
                {b.injured.missing ? 'injured not reported' : `${formatFigures(b.injured)} injured`}
              </span>
              {retracted && <span className="block text-xs text-danger">Retracted: {i.retractionReason}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
