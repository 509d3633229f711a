'use client';
/**
 * The map panel: the interactive map (its own chunk, loaded when the panel comes near: it sits
 * below the first screen; see use-chart-wanted), legend and numbers.
 */
import dynamic from 'next/dynamic';
import { INCIDENT_TYPE_INFO, INCIDENT_TYPES, PROVINCE_LABELS } from '@/core/enums';
import { placeLabel, type IncidentBrief } from '@/core/stats/incident-brief';
import { DataTable, Panel } from '../panel';
import { TYPE_COLORS } from '../palette';
import { formatCount, formatFigures } from '../number-format';
import { formatOccurred } from '../time-format';
import type { MapGeometry } from './map-geometry';
import { useChartWanted } from '../charts/use-chart-wanted';

const MapSkeleton = () => <div className="h-full w-full animate-pulse rounded-lg bg-surface-2" aria-hidden />;
const IncidentMap = dynamic(() => import('./incident-map'), { loading: MapSkeleton });

export function MapPanel({
  geometry,
  points,
  fresh,
  threshold,
  capped,
  pending,
  className = '',
}: {
  geometry: MapGeometry;
  points: IncidentBrief[];
  fresh: ReadonlySet<string>;
  threshold: number;
  capped: boolean;
  /** Shown over the map while its points load (or failed to). */
  pending?: React.ReactNode;
  className?: string;
}) {
  const [mapBox, mapWanted] = useChartWanted<HTMLDivElement>();
  const types = INCIDENT_TYPES.filter((t) => points.some((p) => p.type === t));
  const worst = [...points].sort((a, b) => b.killed.low + b.injured.low - (a.killed.low + a.injured.low)).slice(0, 25);
  return (
    <Panel
      id="map"
      className={className}
      title="Where"
      caption={`${pending ? 'Located incidents' : `${formatCount(points.length)} located incidents`}${capped ? ' (the newest shown)' : ''}; size by casualties, colour by type; dashed: the Pakistan–Afghanistan border`}
    >
      <div ref={mapBox} className="relative aspect-[700/640] w-full" data-lazy-chart>
        {mapWanted ? (
          <IncidentMap geometry={geometry} points={points} fresh={fresh} threshold={threshold} />
        ) : (
          <MapSkeleton />
        )}
        {pending && <div className="absolute inset-x-0 top-1/3">{pending}</div>}
      </div>
      <ul className="mt-2 flex min-h-5 flex-wrap gap-x-3 gap-y-1 text-xs text-muted" aria-label="Map legend">
        {types.map((t) => (
          <li key={t} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ background: TYPE_COLORS[t] }} />
            {INCIDENT_TYPE_INFO[t].label}
          </li>
        ))}
        <li className="inline-flex items-center gap-1">
          <span aria-hidden className="h-3 w-3 rounded-full border-2 border-danger" />
          {threshold}+ killed
        </li>
      </ul>
      <DataTable
        summary="Show the incidents with the most casualties"
        caption="Located incidents with the most casualties"
        download={{ name: 'incidents-most-casualties', label: 'the incidents with the most casualties' }}
        head={['Place', 'When', 'Type', 'Killed', 'Injured']}
        rows={worst.map((b) => [
          placeLabel(b, (p) => PROVINCE_LABELS[p]),
          formatOccurred(b.occurredAt, b.timePrecision),
          INCIDENT_TYPE_INFO[b.type].label,
          formatFigures(b.killed),
          formatFigures(b.injured),
        ])}
      />
    </Panel>
  );
}
