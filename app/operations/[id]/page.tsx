/** Everything about one operation: the record, who acted, sources, a map pin and its change history. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRuntime } from '@/server/runtime';
import { mayRead, requireReader } from '../../components/read-access';
import { OPERATION_KIND_LABELS, PROVINCE_LABELS } from '@/core/enums';
import type { Operation } from '@/core/operation/schema';
import { History } from '../../components/history';
import { EditRecordLink, RetractRecordLink } from '../../record/edit-record-link';
import { LiveRecordWatch } from '../../components/live-watch';
import { mapGeometry } from '../../components/map/map-geometry';
import { PinMap } from '../../components/map/pin-map';
import { Panel } from '../../components/panel';
import { ProvenancePanel } from '../../components/provenance-panel';
import { formatCount } from '../../components/number-format';
import { SourceList } from '../../components/source-list';
import { formatOccurred, formatWhenYear } from '../../components/time-format';
import { VerificationBadge } from '../../components/verification-badge';
import { NotReported } from '../../components/not-reported';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = { params: Promise<{ id: string }> };

const placeOf = (o: Operation) =>
  [o.place, o.district, o.province ? PROVINCE_LABELS[o.province] : 'Nationwide'].filter(Boolean).join(', ');

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const o = UUID.test(id) && (await mayRead()) ? await getRuntime().reads.operations.get(id) : null;
  return { title: o ? `${OPERATION_KIND_LABELS[o.kind]}, ${placeOf(o)}` : 'Operation' };
}

export default async function OperationPage({ params }: Params) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  await requireReader(`/operations/${id}`);
  const rt = getRuntime();
  const position = await rt.reads.position();
  const [operation, history] = await Promise.all([
    rt.reads.operations.get(id),
    rt.reads.history(position.epoch, 'operation', id),
  ]);
  if (!operation) notFound();
  const o = operation;
  const retracted = o.retractedAt !== null;
  const place = placeOf(o);
  const facts: [string, React.ReactNode][] = [
    [
      'When',
      `${formatOccurred(o.occurredAt, o.timePrecision)}${o.occurredUntil ? ` to ${o.occurredUntil} (a span, counted on its first day)` : ''} (known to the ${o.timePrecision === 'exact' ? 'minute' : o.timePrecision})`,
    ],
    ['Where', `${place}, ${o.country}`],
    [
      'Coordinates',
      o.latitude !== null && o.longitude !== null
        ? `${o.latitude.toFixed(4)}, ${o.longitude.toFixed(4)} (${o.geoPrecision})`
        : 'Not located',
    ],
    ['Kind', OPERATION_KIND_LABELS[o.kind]],
    ['Operations in this record', o.count === 1 ? '1' : `${formatCount(o.count)} (a published total)`],
  ];
  const figures: [string, number | null][] = [
    ['Militants killed', o.militantsKilled],
    ['Militants arrested', o.militantsArrested],
    ['Security personnel killed', o.securityKilled],
    ['Security personnel injured', o.securityInjured],
  ];

  return (
    <main id="main" className="mx-auto max-w-[1200px] space-y-4 px-3 py-4 sm:px-5">
      <Link href="/operations" className="text-sm text-accent hover:underline">
        ← Operations
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1
            className={`text-2xl font-semibold tracking-tight break-words ${retracted ? 'text-muted line-through' : 'text-fg'}`}
          >
            {OPERATION_KIND_LABELS[o.kind]} · {place}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <VerificationBadge status={o.verification} />
            {o.synthetic && (
              <span className="rounded bg-warn-soft px-1.5 py-0.5 text-[11px] font-semibold text-warn uppercase">
                Synthetic demo record
              </span>
            )}
            <span className="text-muted">Version {o.version}</span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <EditRecordLink kind="operation" id={o.id} retracted={retracted} />
          <RetractRecordLink kind="operation" id={o.id} retracted={retracted} />
          <LiveRecordWatch snapshot={position} entity="operation" id={o.id} />
        </div>
      </div>
      {retracted && (
        <div role="note" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm text-fg">
          <b className="text-danger">Retracted</b> {o.retractedAt && formatWhenYear(o.retractedAt)} by{' '}
          {o.retractedBy ?? 'unknown'}: {o.retractionReason}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          <Panel title="Outcome" caption="As the source reported it, for all operations in this record">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {figures.map(([label, n]) => (
                <div key={label} className="rounded-lg border border-line px-3 py-2">
                  <dt className="text-xs text-muted">{label}</dt>
                  <dd className="text-xl font-semibold text-fg tabular-nums">
                    {n === null ? <NotReported /> : formatCount(n)}
                  </dd>
                </div>
              ))}
            </dl>
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
            {o.summary && (
              <p className="mt-4 border-t border-line pt-3 text-sm leading-relaxed break-words text-fg">{o.summary}</p>
            )}
          </Panel>
          <Panel title="Actors" caption="Who acted and against whom">
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-muted">Agency</dt>
              <dd className="text-fg">{o.agency ?? <span className="text-muted italic">Not stated</span>}</dd>
              <dt className="text-muted">Targeted group</dt>
              <dd className="text-fg">
                {o.groupId ? (
                  <Link href={`/groups/${o.groupId}`} className="text-accent hover:underline">
                    {o.groupName}
                  </Link>
                ) : (
                  <span className="text-muted italic">Unspecified</span>
                )}
              </dd>
            </dl>
          </Panel>
          <Panel title="Sources">
            <SourceList sources={o.sources} />
          </Panel>
        </div>
        <div className="space-y-4 lg:col-span-2">
          <Panel title="Map">
            {o.latitude !== null && o.longitude !== null ? (
              <PinMap
                geometry={mapGeometry()}
                latitude={o.latitude}
                longitude={o.longitude}
                label={place}
                color="var(--accent)"
              />
            ) : (
              <p className="py-8 text-center text-sm text-muted">No coordinates recorded for this operation.</p>
            )}
          </Panel>
          <Panel title="Record">
            <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
              <dt className="text-muted">Created</dt>
              <dd>
                {formatWhenYear(o.createdAt)} by {o.createdBy ?? '—'}
              </dd>
              <dt className="text-muted">Updated</dt>
              <dd>
                {formatWhenYear(o.updatedAt)} by {o.updatedBy ?? '—'}
              </dd>
              {o.externalId && (
                <>
                  <dt className="text-muted">External id</dt>
                  <dd className="font-mono text-xs break-all">{o.externalId}</dd>
                </>
              )}
            </dl>
          </Panel>
          <ProvenancePanel record={o} />
          <Panel title="History" caption="Every change from the change log, oldest first">
            <History records={history} />
          </Panel>
        </div>
      </div>
    </main>
  );
}
