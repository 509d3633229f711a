/**
 * The product's API route modules and start-up steps, in the order they apply. Tests start the
 * server with these same lists, so what they exercise is what runs.
 */
import { ensureReferenceData } from '../db/ensure-reference-data';
import type { RouteModule } from './api/route-spec';
import type { Runtime } from './runtime';
import type { LiveServer } from './live/hub';
import { loadDemoData } from './demo-startup';
import { startDemoLive } from './demo-live';
import { statsRoutes } from './api/stats';
import { securityRoutes } from './api/security';
import { authRoutes } from './api/auth-routes';
import { incidentRoutes, operationRoutes } from './api/incidents';
import { referenceRoutes } from './api/reference';
import { changeRoutes } from './api/changes';
import { userRoutes } from './api/users';
import { openApiRoutes } from './api/openapi';
import { importRoutes } from './api/import';
import { rematchRoutes } from './api/rematch';
import { exportRoutes } from './api/export';
import { listExportRoutes } from './api/list-exports';
import { alertRoutes } from './api/alert-routes';
import { duplicateRoutes } from './api/duplicates';
import { acledSyncRoutes } from './api/acled-sync-routes';
import { startAcledSync } from './sync/start-acled-sync';
import { startAlerts } from './alerts/start-alerts';
import { startDuplicates } from './duplicates/start-duplicates';
import { installSocketAuth } from './auth/socket-auth';
import { purgeIdempotencyKeys, purgeOldRevocations } from './auth/maintenance';

// securityRoutes first: its cross-site check and deny-by-default access apply to every route after it.
export const productRoutes: RouteModule[] = [
  securityRoutes,
  authRoutes,
  incidentRoutes,
  operationRoutes,
  referenceRoutes,
  changeRoutes,
  userRoutes,
  statsRoutes,
  importRoutes,
  acledSyncRoutes,
  rematchRoutes,
  exportRoutes,
  listExportRoutes,
  alertRoutes,
  duplicateRoutes,
  openApiRoutes,
];

export async function productStartup(runtime: Runtime, parts?: { io: LiveServer }): Promise<void> {
  if (parts) installSocketAuth(parts.io, runtime);
  await purgeIdempotencyKeys(runtime);
  await purgeOldRevocations(runtime);
  // The demo goes first: on `auto` it loads only into an empty database, and it seeds the
  // reference data itself.
  await loadDemoData(runtime);
  if (runtime.env.REFERENCE_DATA === 'on') await ensureReferenceData(runtime.database);
  // After the demo load: its changes are history, not news (rules evaluate from their own cursor).
  await startAlerts(runtime, parts?.io);
  await startDuplicates(runtime, parts?.io);
  runtime.onClose(await startDemoLive(runtime));
  startAcledSync(runtime);
}
