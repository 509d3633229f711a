/** The base map as SVG (no hooks: rendered on the server for pages and inside the client map). */
import type { MapGeometry } from './map-geometry';

export function MapBase({ geometry, labels = true }: { geometry: MapGeometry; labels?: boolean }) {
  return (
    <g>
      <rect width={geometry.width} height={geometry.height} fill="var(--map-water)" />
      {geometry.land.map((c) => (
        <path
          key={c.id}
          d={c.d}
          fill={c.focus ? 'var(--map-focus)' : 'var(--map-land)'}
          stroke="var(--line-strong)"
          strokeWidth={c.focus ? 1 : 0.6}
        />
      ))}
      <path d={geometry.border} fill="none" stroke="var(--muted)" strokeWidth={1.6} strokeDasharray="5 3" />
      {labels &&
        geometry.labels.map((l) =>
          l.kind === 'city' ? (
            <g key={l.text} aria-hidden>
              <circle cx={l.x} cy={l.y} r={2} fill="var(--muted)" />
              <text x={l.x + 4} y={l.y - 3} fontSize={11} fill="var(--muted)">
                {l.text}
              </text>
            </g>
          ) : (
            <text
              key={l.text}
              aria-hidden
              x={l.x}
              y={l.y}
              textAnchor="middle"
              fontSize={l.kind === 'country' ? 13 : 11}
              letterSpacing={l.kind === 'country' ? 3 : 0.5}
              fontWeight={l.kind === 'country' ? 600 : 400}
              fill="var(--faint)"
            >
              {l.text}
            </text>
          ),
        )}
    </g>
  );
}
