/** Start-up step: the evaluator and sender, and the live `/alerts` namespace; stopped with the server. */
import type { LiveServer } from '../live/hub';
import type { Runtime } from '../runtime';
import { alertParts } from './alert-context';
import { startAlertFanout } from './alert-fanout';
import { AlertService } from './alert-service';
import { createMailer } from './send-email';

export async function startAlerts(runtime: Runtime, io: LiveServer | undefined): Promise<AlertService> {
  const { alerts, policy } = alertParts(runtime);
  const { env } = runtime;
  const service = new AlertService({
    database: runtime.database,
    alerts,
    policy,
    mailer: env.SMTP_URL ? createMailer(env.SMTP_URL, env.SMTP_FROM) : null,
    log: runtime.log.child({ part: 'alerts' }),
    baseUrl: env.BASE_URL,
  });
  const stopFanout = io ? await startAlertFanout(runtime, io) : null;
  await service.start();
  runtime.onClose(async () => {
    await service.stop();
    await stopFanout?.();
  });
  return service;
}
