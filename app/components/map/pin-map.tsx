/** A static map with one pin, rendered on the server (no JavaScript). */
import { MapBase } from './map-base';
import type { MapGeometry } from './map-geometry';
import { project } from './project';

export function PinMap({
  geometry,
  latitude,
  longitude,
  label,
  color,
}: {
  geometry: MapGeometry;
  latitude: number;
  longitude: number;
  label: string;
  color: string;
}) {
  const [x, y] = project(geometry, longitude, latitude);
  return (
    <svg
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      className="block h-auto w-full rounded-lg"
      role="img"
      aria-label={`Map: ${label}`}
    >
      <MapBase geometry={geometry} />
      <circle cx={x} cy={y} r={22} fill={color} fillOpacity={0.18} />
      <circle cx={x} cy={y} r={8} fill={color} stroke="var(--surface)" strokeWidth={2.5} />
    </svg>
  );
}
