/**
 * The process's ACLED sync service, built once per runtime (the routes and the scheduler share it),
 * and the start-up step that starts its scheduler.
 */
import type { Runtime } from '../runtime';
import { AcledSyncService } from './acled-sync-service';
import { lazySecretBox } from './secret-box';

const services = new WeakMap<Runtime, AcledSyncService>();

export function acledSyncOf(runtime: Runtime): AcledSyncService {
  let service = services.get(runtime);
  if (!service) {
    const { env } = runtime;
    service = new AcledSyncService({
      database: runtime.database,
      writes: runtime.writes,
      ctx: runtime.ctx,
      box: lazySecretBox({ secretsKey: env.SECRETS_KEY, dataDir: env.DATA_DIR }),
      log: runtime.log.child({ part: 'acled-sync' }),
      apiUrl: env.ACLED_API_URL,
      pageSize: env.ACLED_SYNC_PAGE_SIZE,
      tickMs: env.ACLED_SYNC_TICK_S * 1000,
    });
    services.set(runtime, service);
    runtime.onClose(() => service!.stop());
  }
  return service;
}

export function startAcledSync(runtime: Runtime): void {
  acledSyncOf(runtime).startScheduler();
}
