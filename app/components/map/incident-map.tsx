'use client';
/**
 * Incidents on the offline base map: circles sized by casualties and coloured by type, the largest
 * drawn first so small ones stay reachable; mass-casualty incidents carry a red ring; a newly
 * recorded one pulses. Hover (or keyboard focus on the emphasised points) shows a tooltip.
 */
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '@/core/enums';
import { isMassCasualty, placeLabel, type IncidentBrief } from '@/core/stats/incident-brief';
import { TYPE_COLORS } from '../palette';
import { formatFigures } from '../number-format';
import { formatOccurred } from '../time-format';
import { MapBase } from './map-base';
import type { MapGeometry } from './map-geometry';
import { project, radiusFor } from './project';

interface Placed {
  b: IncidentBrief;
  x: number;
  y: number;
  r: number;
  mass: boolean;
}

export default function IncidentMap({
  geometry,
  points,
  fresh,
  threshold,
}: {
  geometry: MapGeometry;
  points: IncidentBrief[];
  fresh: ReadonlySet<string>;
  threshold: number;
}) {
  const [hover, setHover] = useState<Placed | null>(null);
  const router = useRouter();
  const open = (p: Placed) => router.push(`/incidents/${p.b.id}`);
  const placed = useMemo(
    () =>
      points
        .filter((b) => b.latitude !== null && b.longitude !== null)
        .map((b): Placed => {
          const [x, y] = project(geometry, b.longitude!, b.latitude!);
          return { b, x, y, r: radiusFor(b.killed.low + b.injured.low), mass: isMassCasualty(b, threshold) };
        })
        .filter((p) => p.x >= 0 && p.y >= 0 && p.x <= geometry.width && p.y <= geometry.height)
        .sort((a, b) => b.r - a.r),
    [points, geometry, threshold],
  );

  return (
    <div className="relative">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="block h-auto w-full rounded-lg"
        role="group"
        aria-label={`Map of ${placed.length} located incidents in Pakistan and Afghanistan`}
      >
        <MapBase geometry={geometry} />
        <g onMouseLeave={() => setHover(null)}>
          {placed.map((p) => {
            const emphasised = p.mass || fresh.has(p.b.id);
            return (
              <g key={p.b.id}>
                {fresh.has(p.b.id) && (
                  <circle
                    className="pulse-ring"
                    cx={p.x}
                    cy={p.y}
                    r={p.r}
                    fill="none"
                    stroke={p.mass ? 'var(--danger)' : TYPE_COLORS[p.b.type]}
                    strokeWidth={2}
                  />
                )}
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={p.r}
                  fill={TYPE_COLORS[p.b.type]}
                  fillOpacity={0.78}
                  stroke={p.mass ? 'var(--danger)' : 'var(--surface)'}
                  strokeWidth={p.mass ? 2.5 : 0.8}
                  tabIndex={emphasised ? 0 : undefined}
                  // A focusable point opens its incident: a link for assistive technology.
                  role={emphasised ? 'link' : undefined}
                  aria-label={
                    emphasised
                      ? `${INCIDENT_TYPE_INFO[p.b.type].label}, ${placeLabel(p.b)}, ${formatFigures(p.b.killed)} killed`
                      : undefined
                  }
                  onMouseEnter={() => setHover(p)}
                  onFocus={() => setHover(p)}
                  onBlur={() => setHover(null)}
                  onClick={() => open(p)}
                  onKeyDown={(e) => e.key === 'Enter' && open(p)}
                  className="cursor-pointer"
                />
              </g>
            );
          })}
        </g>
      </svg>
      {hover && <Tooltip p={hover} geometry={geometry} />}
    </div>
  );
}

function Tooltip({ p, geometry }: { p: Placed; geometry: MapGeometry }) {
  const left = (p.x / geometry.width) * 100;
  const top = (p.y / geometry.height) * 100;
  const b = p.b;
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-10 w-60 rounded-lg border border-line bg-surface p-2.5 text-xs shadow-lg"
      style={{
        left: `${left}%`,
        top: `${top}%`,
        transform: `translate(${left > 60 ? '-105%' : '5%'}, ${top > 60 ? '-105%' : '5%'})`,
      }}
    >
      <p className="flex items-center gap-1.5 font-semibold text-fg">
        <span className="h-2 w-2 rounded-full" style={{ background: TYPE_COLORS[b.type] }} aria-hidden />
        {INCIDENT_TYPE_INFO[b.type].label}
      </p>
      <p className="text-muted">{placeLabel(b, (x) => PROVINCE_LABELS[x])}</p>
      <p className="text-muted">{formatOccurred(b.occurredAt, b.timePrecision)}</p>
      <p className="text-fg">{b.groupName ?? b.namedActor ?? 'Unknown perpetrator'}</p>
      <p className={p.mass ? 'font-semibold text-danger' : 'text-fg'}>
        {formatFigures(b.killed)} killed · {formatFigures(b.injured)} injured
      </p>
    </div>
  );
}
