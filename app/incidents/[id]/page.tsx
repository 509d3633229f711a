/** Everything about one incident: facts, casualties, sources, a map pin and its change history. */
import { ActorList } from '../../components/actor-list';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRuntime } from '@/server/runtime';
import { mayRead, requireReader } from '../../components/read-access';
import {
  CASUALTY_CATEGORIES,
  CASUALTY_LABELS,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_TYPE_INFO,
  PROVINCE_LABELS,
  TARGET_LABELS,
} from '@/core/enums';
import { isMassCasualty, placeLabel, toBrief } from '@/core/stats/incident-brief';
import { History } from '../../components/history';
import { EditRecordLink, RetractRecordLink } from '../../record/edit-record-link';
import { SplitMerged } from '../../record/split-merged';
import { LiveRecordWatch } from '../../components/live-watch';
import { mapGeometry } from '../../components/map/map-geometry';
import { PinMap } from '../../components/map/pin-map';
import { Panel } from '../../components/panel';
import { ProvenancePanel } from '../../components/provenance-panel';
import { TYPE_COLORS } from '../../components/palette';
import { formatFigure, formatFigures } from '../../components/number-format';
import { NotReported } from '../../components/not-reported';
import { SourceList } from '../../components/source-list';
import { formatOccurred, formatWhenYear } from '../../components/time-format';
import { VerificationBadge } from '../../components/verification-badge';
import { mergedIntoId } from '@/core/duplicate/duplicate-verbs';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const i = UUID.test(id) && (await mayRead()) ? await getRuntime().reads.incidents.get(id) : null;
  return { title: i ? `${INCIDENT_TYPE_INFO[i.type].label}, ${placeLabel(i)}` : 'Incident' };
}

const TRI = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;

export default async function IncidentPage({ params }: Params) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const reads = await requireReader(`/incidents/${id}`);
  const rt = getRuntime();
  const position = await reads.position();
  const [incident, history] = await Promise.all([
    reads.incidents.get(id),
    reads.history(position.epoch, 'incident', id),
  ]);
  if (!incident) notFound();
  const b = toBrief(incident);
  const mass = isMassCasualty(b, rt.env.MASS_CASUALTY_THRESHOLD);
  const retracted = incident.retractedAt !== null;
  const place = placeLabel(incident, (p) => PROVINCE_LABELS[p]);
  const facts: [string, React.ReactNode][] = [
    [
      'When',
      `${formatOccurred(incident.occurredAt, incident.timePrecision)}${incident.occurredUntil ? ` to ${incident.occurredUntil} (a span, counted on its first day)` : ''} (known to the ${incident.timePrecision === 'exact' ? 'minute' : incident.timePrecision})`,
    ],
    ['Where', `${place}, ${incident.country}`],
    [
      'Coordinates',
      incident.latitude !== null
        ? `${incident.latitude.toFixed(4)}, ${incident.longitude!.toFixed(4)} (${incident.geoPrecision})`
        : 'Not located',
    ],
    [
      'Type',
      `${INCIDENT_TYPE_INFO[incident.type].label} — ACLED: ${INCIDENT_TYPE_INFO[incident.type].acled.subEventType}; GTD: ${INCIDENT_TYPE_INFO[incident.type].gtd}`,
    ],
    ['Category', INCIDENT_CATEGORY_LABELS[incident.category]],
    ['Target', TARGET_LABELS[incident.targetType]],
    [
      'Group (matched)',
      incident.groupId ? (
        <Link href={`/groups/${incident.groupId}`} className="text-accent hover:underline">
          {incident.groupName}
        </Link>
      ) : incident.namedActor ? (
        'Not one of the listed groups'
      ) : (
        'Unknown / unclaimed'
      ),
    ],
    ['Actors, as the source names them', <ActorList key="actors" actors={incident.actors} />],
    ['Claimed', incident.claimed ? 'Yes' : 'No'],
    ['Cross-border origin', TRI[incident.crossBorder]],
    ['Foreign nationals among attackers', TRI[incident.foreignNationals]],
  ];

  return (
    <main id="main" className="mx-auto max-w-[1200px] space-y-4 px-3 py-4 sm:px-5">
      <Link href="/incidents" className="text-sm text-accent hover:underline">
        ← Incidents
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1
            className={`flex items-center gap-2 text-2xl font-semibold tracking-tight ${retracted ? 'text-muted line-through' : 'text-fg'}`}
          >
            <span
              aria-hidden
              className="h-3 w-3 shrink-0 rounded-full"
              style={{ background: TYPE_COLORS[incident.type] }}
            />
            {INCIDENT_TYPE_INFO[incident.type].label} · {place}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <VerificationBadge status={incident.verification} />
            {mass && (
              <span className="rounded bg-danger px-1.5 py-0.5 text-[11px] font-bold tracking-wide text-surface uppercase">
                Mass casualty
              </span>
            )}
            {incident.synthetic && (
              <span className="rounded bg-warn-soft px-1.5 py-0.5 text-[11px] font-semibold text-warn uppercase">
                Synthetic demo record
              </span>
            )}
            <span className="text-muted">Version {incident.version}</span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <EditRecordLink kind="incident" id={incident.id} retracted={retracted} />
          <RetractRecordLink kind="incident" id={incident.id} retracted={retracted} />
          <LiveRecordWatch snapshot={position} entity="incident" id={incident.id} />
        </div>
      </div>
      {retracted && (
        <div role="note" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm text-fg">
          <b className="text-danger">Retracted</b> {incident.retractedAt && formatWhenYear(incident.retractedAt)} by{' '}
          {incident.retractedBy ?? 'unknown'}:{' '}
          {mergedIntoId(incident.retractionReason) ? (
            <>
              merged into{' '}
              <Link href={`/incidents/${mergedIntoId(incident.retractionReason)}`} className="text-accent underline">
                the record that now holds this report
              </Link>
            </>
          ) : (
            incident.retractionReason
          )}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          <Panel title="Casualties" caption='"At least" figures, with "up to" where sources give a range'>
            <table className="w-full text-sm">
              <caption className="sr-only">Killed and injured by category</caption>
              <thead>
                <tr className="text-left text-xs text-muted">
                  <th scope="col" className="pb-1 font-medium">
                    Category
                  </th>
                  <th scope="col" className="pb-1 text-right font-medium">
                    Killed
                  </th>
                  <th scope="col" className="pb-1 text-right font-medium">
                    Injured
                  </th>
                </tr>
              </thead>
              <tbody>
                {CASUALTY_CATEGORIES.map((c) => {
                  const k = incident.casualties.killed[c];
                  const j = incident.casualties.injured[c];
                  return (
                    <tr key={c} className="border-t border-line">
                      <th scope="row" className="py-1.5 text-left font-normal text-fg">
                        {CASUALTY_LABELS[c]}
                      </th>
                      <td className="py-1.5 text-right tabular-nums">
                        {k.low === null ? <NotReported /> : formatFigure(k)}
                      </td>
                      <td className="py-1.5 text-right tabular-nums">
                        {j.low === null ? <NotReported /> : formatFigure(j)}
                      </td>
                    </tr>
                  );
                })}
                <tr className="border-t-2 border-line-strong font-semibold">
                  <th scope="row" className="py-1.5 text-left">
                    Total
                  </th>
                  <td className={`py-1.5 text-right tabular-nums ${mass ? 'text-danger' : ''}`}>
                    {b.killed.missing ? <NotReported /> : formatFigures(b.killed)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {b.injured.missing ? <NotReported /> : formatFigures(b.injured)}
                  </td>
                </tr>
              </tbody>
            </table>
          </Panel>
          <Panel title="Details">
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              {facts.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted">{k}</dt>
                  <dd className="text-fg">{v}</dd>
                </div>
              ))}
            </dl>
            {incident.summary && (
              <p className="mt-4 border-t border-line pt-3 text-sm leading-relaxed text-fg">{incident.summary}</p>
            )}
          </Panel>
          <Panel title="Sources">
            <SourceList sources={incident.sources} />
          </Panel>
        </div>
        <div className="space-y-4 lg:col-span-2">
          <Panel title="Map">
            {incident.latitude !== null && incident.longitude !== null ? (
              <PinMap
                geometry={mapGeometry()}
                latitude={incident.latitude}
                longitude={incident.longitude}
                label={place}
                color={TYPE_COLORS[incident.type]}
              />
            ) : (
              <p className="py-8 text-center text-sm text-muted">No coordinates recorded for this incident.</p>
            )}
          </Panel>
          <Panel title="Record">
            <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
              <dt className="text-muted">Created</dt>
              <dd>
                {formatWhenYear(incident.createdAt)}
                {incident.createdBy && ` by ${incident.createdBy}`}
              </dd>
              <dt className="text-muted">Updated</dt>
              <dd>
                {formatWhenYear(incident.updatedAt)}
                {incident.updatedBy && ` by ${incident.updatedBy}`}
              </dd>
              {incident.externalId && (
                <>
                  <dt className="text-muted">External id</dt>
                  <dd className="font-mono text-xs break-all">{incident.externalId}</dd>
                </>
              )}
            </dl>
          </Panel>
          <SplitMerged id={incident.id} retracted={retracted} />
          <ProvenancePanel record={incident} />
          {/* Withheld from anonymous readers (no history at all): the audit trail names staff. */}
          {history.length > 0 && (
            <Panel title="History" caption="Every change from the change log, oldest first">
              <History records={history} />
            </Panel>
          )}
        </div>
      </div>
    </main>
  );
}
