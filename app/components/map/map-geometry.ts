/**
 * The offline base map, computed once per process on the server: Natural Earth 1:50m country
 * outlines from world-atlas (TopoJSON), projected with d3-geo's Mercator fitted to Pakistan and
 * Afghanistan, clipped to the frame and rounded to 0.1 px, so pages ship a few kB of SVG paths
 * instead of the atlas or any tile server. Server-only.
 */
import { geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-50m.json';
import type { MapFrame } from './project';

export interface MapGeometry extends MapFrame {
  land: { id: string; name: string; d: string; focus: boolean }[];
  /** The Pakistan–Afghanistan border (the Durand Line), drawn apart. */
  border: string;
  labels: { text: string; x: number; y: number; kind: 'country' | 'province' | 'city' }[];
}

const FOCUS = new Set(['586', '004']);
const CONTEXT = new Set(['356', '364', '156', '762', '795', '860']);
const WIDTH = 700;
const HEIGHT = 640;

const LABELS: { text: string; lon: number; lat: number; kind: MapGeometry['labels'][number]['kind'] }[] = [
  { text: 'AFGHANISTAN', lon: 65.2, lat: 33.6, kind: 'country' },
  { text: 'PAKISTAN', lon: 70.2, lat: 28.2, kind: 'country' },
  { text: 'IRAN', lon: 60.6, lat: 30.8, kind: 'country' },
  { text: 'INDIA', lon: 76.2, lat: 28.0, kind: 'country' },
  { text: 'Khyber Pakhtunkhwa', lon: 72.2, lat: 35.2, kind: 'province' },
  { text: 'Balochistan', lon: 65.6, lat: 27.6, kind: 'province' },
  { text: 'Punjab', lon: 72.6, lat: 30.6, kind: 'province' },
  { text: 'Sindh', lon: 68.6, lat: 26.0, kind: 'province' },
  { text: 'Gilgit-Baltistan', lon: 75.2, lat: 36.3, kind: 'province' },
  { text: 'Islamabad', lon: 73.05, lat: 33.68, kind: 'city' },
  { text: 'Kabul', lon: 69.17, lat: 34.53, kind: 'city' },
  { text: 'Peshawar', lon: 71.58, lat: 34.01, kind: 'city' },
  { text: 'Quetta', lon: 67.0, lat: 30.18, kind: 'city' },
  { text: 'Karachi', lon: 67.01, lat: 24.86, kind: 'city' },
  { text: 'Lahore', lon: 74.35, lat: 31.55, kind: 'city' },
];

/** The atlas is bundled into the server chunk only (this module never reaches the browser). */
const loadAtlas = () => atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

let cached: MapGeometry | null = null;

export function mapGeometry(): MapGeometry {
  if (cached) return cached;
  const atlas = loadAtlas();
  const countries = feature(atlas, atlas.objects.countries) as FeatureCollection<GeoJSON.Geometry, { name: string }>;
  const pick = (ids: Set<string>) => countries.features.filter((f) => ids.has(String(f.id)));
  const focus = pick(FOCUS);
  const projection = geoMercator()
    .fitExtent(
      [
        [18, 18],
        [WIDTH - 18, HEIGHT - 18],
      ],
      { type: 'FeatureCollection', features: focus },
    )
    .clipExtent([
      [-4, -4],
      [WIDTH + 4, HEIGHT + 4],
    ]);
  const toPath = geoPath(projection).digits(1);
  const land = [...pick(CONTEXT), ...focus].map((f: Feature<GeoJSON.Geometry, { name: string }>) => ({
    id: String(f.id),
    name: f.properties.name,
    d: toPath(f) ?? '',
    focus: FOCUS.has(String(f.id)),
  }));
  const border =
    toPath(
      mesh(atlas, atlas.objects.countries, (a, b) => FOCUS.has(String(a.id)) && FOCUS.has(String(b.id)) && a !== b),
    ) ?? '';
  const labels = LABELS.map((l) => {
    const [x, y] = projection([l.lon, l.lat]) ?? [0, 0];
    return { text: l.text, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, kind: l.kind };
  });
  const [tx, ty] = projection.translate();
  cached = { width: WIDTH, height: HEIGHT, scale: projection.scale(), translate: [tx, ty], land, border, labels };
  return cached;
}
