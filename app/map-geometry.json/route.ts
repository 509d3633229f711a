/**
 * GET /map-geometry.json: the overview map's base geometry (map-geometry.ts), computed at build
 * time and served as a static file, so the overview's HTML does not carry its ~25 kB of paths;
 * the browser fetches it once after first paint (and caches it with the build).
 */
import { mapGeometry } from '../components/map/map-geometry';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(mapGeometry());
}
