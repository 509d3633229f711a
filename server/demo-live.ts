/**
 * DEMO_LIVE: while the demo runs, a synthetic incident or operation is recorded every few minutes
 * through the same write verbs as the forms and the API (runtime.writes), so a newcomer's wall moves. Marked synthetic,
 * recorded by "system:demo-live". On by default only when the embedded database holds demo data.
 */
import { randomInt } from 'node:crypto';
import { liveDemoRecord } from '../core/demo/live-demo-record';
import { createRng } from '../core/demo/random';
import type { Env } from './env';
import type { Runtime } from './runtime';

const ACTOR = { id: null, label: 'system:demo-live', role: 'system' as const };

/** DEMO_LIVE=1/0 decides; unset, it follows the demo: embedded database with synthetic records. */
export function demoLiveEnabled(env: Pick<Env, 'DEMO_LIVE'>, database: 'pglite' | 'postgres', synthetic: boolean) {
  return env.DEMO_LIVE === undefined ? database === 'pglite' && synthetic : env.DEMO_LIVE === '1';
}

/** Starts the ticker; returns its stop. Each interval is the configured one ±50 %, so records do not tick like a clock. */
export async function startDemoLive(runtime: Runtime): Promise<() => Promise<void>> {
  const synthetic = await runtime.reads.dashboard.syntheticPresent();
  if (!demoLiveEnabled(runtime.env, runtime.database.kind, synthetic)) return async () => {};
  const everyMs = runtime.env.DEMO_LIVE_EVERY_S * 1000;
  const rng = createRng(randomInt(2 ** 31));
  const ctx = runtime.ctx(ACTOR);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const recordOne = async () => {
    const groups = await runtime.reads.groups.list();
    const groupIds = Object.fromEntries(groups.filter((g) => !g.retractedAt).map((g) => [g.shortName, g.id]));
    const record = liveDemoRecord(rng, ctx.now(), groupIds);
    // The application's write verbs, as the API uses them (batching and retries included).
    const create = record.kind === 'incident' ? runtime.writes.createIncident : runtime.writes.createOperation;
    await create({ ctx, input: record.input });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = recordOne()
          .catch((err: unknown) => runtime.log.warn({ err: (err as Error).message }, 'demo-live record failed'))
          .finally(() => {
            running = null;
            schedule();
          });
      },
      Math.round(everyMs * (0.5 + rng.next())),
    );
    timer.unref();
  };
  runtime.log.info(
    { everyS: runtime.env.DEMO_LIVE_EVERY_S },
    'live demo: recording a synthetic record every few minutes',
  );
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
