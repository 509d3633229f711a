/**
 * The map's projection in the browser: d3-geo's Mercator with the scale and translate the server
 * fitted (map-geometry.ts), written out so the client bundle does not carry d3-geo for a formula.
 * Same maths as geoMercator() without rotation: x = k·λ + tx, y = ty − k·ln tan(π/4 + φ/2).
 */
export interface MapFrame {
  width: number;
  height: number;
  scale: number;
  translate: [number, number];
}

const RAD = Math.PI / 180;

export function project(frame: MapFrame, lon: number, lat: number): [number, number] {
  const [tx, ty] = frame.translate;
  const x = tx + frame.scale * lon * RAD;
  const y = ty - frame.scale * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
  // Rounded to 0.1 px: Node and browsers may differ in the last bits of Math.log/tan (hydration).
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

/** Radius by casualties (killed + injured, at least): area grows with the count, capped. */
export function radiusFor(casualties: number): number {
  return Math.min(24, 3 + Math.sqrt(casualties) * 1.7);
}
