/** Start-up step: the duplicate detector and the queue's live signal; stopped with the server. */
import type { LiveServer } from '../live/hub';
import type { Runtime } from '../runtime';
import { DuplicateService } from './duplicate-service';

const services = new WeakMap<Runtime, DuplicateService>();

export async function startDuplicates(runtime: Runtime, io: LiveServer | undefined): Promise<DuplicateService> {
  const service = new DuplicateService({
    database: runtime.database,
    io,
    log: runtime.log.child({ part: 'duplicates' }),
  });
  services.set(runtime, service);
  await service.start();
  runtime.onClose(() => service.stop());
  return service;
}

/** The running detector of this runtime (null before start-up, or in a process without one). */
export const duplicateServiceOf = (runtime: Runtime): DuplicateService | null => services.get(runtime) ?? null;
