/**
 * The ACLED sync as the server runs it: the account (sealed in app_secrets), the settings, the
 * scheduler and on-demand runs, one at a time across all nodes (db/acled-sync-store.ts's lock).
 *
 * Scheduling: each node checks every ACLED_SYNC_TICK_S whether a run is due (`next_run_at`); the
 * node that takes the lock checks again under it (another may have just finished one) and runs.
 * After a success the next run is `interval_hours` later; after a failure it backs off: 5 minutes,
 * doubled per failure in a row, at most the interval, and never sooner than ACLED's Retry-After.
 *
 * Nothing here logs or returns the account: the log gets counts and error messages, which the
 * client builds without it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Actor, Ctx } from '../../core/ports';
import type { WriteVerbs } from '../../core/write/write-verbs';
import { DomainError } from '../../core/errors';
import { AcledApiClient, type AcledAccount } from '../../core/sync/acled-api-client';
import { acledSyncTarget } from '../../core/sync/acled-import-adapter';
import { runAcledSync, type AcledSyncResult } from '../../core/sync/run-acled-sync';
import type { Database } from '../../db/client';
import {
  ACLED_ACCOUNT_SECRET,
  deleteSecret,
  failInterruptedRuns,
  finishSyncRun,
  insertSyncRun,
  listSyncRuns,
  readSecret,
  readSyncSettings,
  updateSyncSettings,
  withSyncLock,
  writeSecret,
  type AcledSyncPatch,
  type AcledSyncRow,
  type AcledSyncRunRow,
} from '../../db/acled-sync-store';
import type { SecretBox } from './secret-box';

export const AcledAccountInput = z.object({
  username: z.string({ error: 'is required' }).trim().min(3, 'is required').max(320),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(1024),
});

export const AcledSyncSettingsInput = z
  .object({
    enabled: z.boolean({ error: 'must be true or false' }),
    intervalHours: z
      .number({ error: 'must be a number of hours' })
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1')
      .max(720, 'must be at most 720 (30 days)'),
    operations: z.boolean({ error: 'must be true or false' }),
    firstFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
      // 2024-02-30 parses in JS (as 1 March) but not in PostgreSQL: the day must survive a round trip.
      .refine((d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
      }, 'must be a real date')
      .nullable(),
  })
  .partial()
  .strict();
export type AcledSyncSettingsInput = z.infer<typeof AcledSyncSettingsInput>;

export type AcledRunResult = Omit<AcledSyncResult, 'ok' | 'error' | 'retryAfterMs'>;

export interface AcledSyncRun {
  id: string;
  trigger: 'schedule' | 'manual';
  actor: string;
  state: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  eventsSince: number | null;
  deletedSince: number | null;
  result: AcledRunResult | null;
  error: string | null;
}

export interface AcledSyncStatus {
  account: { configured: boolean; savedAt: string | null };
  settings: { enabled: boolean; intervalHours: number; operations: boolean; firstFrom: string | null };
  apiUrl: string;
  keySource: string;
  cursor: { eventsSince: number | null; deletedSince: number | null };
  lastSuccessAt: string | null;
  failures: number;
  /** When the scheduler runs next; null when it will not (disabled, or no account). */
  nextRunAt: string | null;
  running: boolean;
  runs: AcledSyncRun[];
}

export interface AcledSyncServiceOptions {
  database: Database;
  writes: Pick<WriteVerbs, 'importRows' | 'retractIncident' | 'retractOperation'>;
  ctx: (actor: Actor) => Ctx;
  box: SecretBox;
  log: Logger;
  apiUrl: string;
  pageSize: number;
  tickMs: number;
  now?: () => Date;
  /** The client's waits (429, backoff); tests shorten them. */
  pause?: (ms: number) => Promise<void>;
  backoffMs?: number;
}

const SCHEDULER: Actor = { id: null, label: 'system:acled-sync', role: 'system' };
const FIRST_BACKOFF_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

export function backoffDelayMs(failures: number, intervalHours: number, retryAfterMs: number | null): number {
  const step = Math.min(intervalHours * HOUR_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(step, retryAfterMs ?? 0);
}

function runView(row: AcledSyncRunRow): AcledSyncRun {
  return {
    id: row.id,
    trigger: row.trigger as AcledSyncRun['trigger'],
    actor: row.actor,
    state: row.state as AcledSyncRun['state'],
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    eventsSince: row.eventsSince,
    deletedSince: row.deletedSince,
    result: (row.result as AcledRunResult | null) ?? null,
    error: row.error,
  };
}

const iso = (d: Date) => d.toISOString();

export class AcledSyncService {
  private running: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly opts: AcledSyncServiceOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  private get db() {
    return this.opts.database.db;
  }

  async status(): Promise<AcledSyncStatus> {
    const [row, secret, runs] = await Promise.all([
      readSyncSettings(this.db),
      readSecret(this.db, ACLED_ACCOUNT_SECRET),
      listSyncRuns(this.db, 10),
    ]);
    const views = runs.map(runView);
    return {
      account: { configured: secret !== null, savedAt: secret?.createdAt ?? null },
      settings: {
        enabled: row.enabled,
        intervalHours: row.intervalHours,
        operations: row.operations,
        firstFrom: row.firstFrom,
      },
      apiUrl: this.opts.apiUrl,
      keySource:
        this.opts.box.keySource === 'SECRETS_KEY'
          ? 'SECRETS_KEY'
          : `key file ${path.basename(this.opts.box.keySource)}`,
      cursor: { eventsSince: row.eventsSince, deletedSince: row.deletedSince },
      lastSuccessAt: row.lastSuccessAt,
      failures: row.failures,
      nextRunAt: row.enabled && secret !== null ? (row.nextRunAt ?? iso(this.now())) : null,
      running: views.some((r) => r.state === 'running'),
      runs: views,
    };
  }

  async saveAccount(input: unknown, actor: Actor): Promise<void> {
    const parsed = AcledAccountInput.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'account')] ??= issue.message;
      throw new DomainError('validation', `Invalid ACLED account: ${Object.keys(fields).join(', ')}`, fields);
    }
    const sealed = this.opts.box.seal(ACLED_ACCOUNT_SECRET, JSON.stringify(parsed.data));
    const now = this.now();
    await writeSecret(this.db, ACLED_ACCOUNT_SECRET, sealed, now);
    // A new account is synced at the next check, not a day later.
    await updateSyncSettings(this.db, { nextRunAt: iso(now), failures: 0, updatedBy: actor.label }, iso(now));
    this.opts.log.info({ actor: actor.label }, 'ACLED account saved');
  }

  async removeAccount(actor: Actor): Promise<boolean> {
    const removed = await deleteSecret(this.db, ACLED_ACCOUNT_SECRET);
    if (removed) this.opts.log.info({ actor: actor.label }, 'ACLED account removed');
    return removed;
  }

  async updateSettings(input: AcledSyncSettingsInput, actor: Actor): Promise<AcledSyncStatus> {
    const patch: AcledSyncPatch = { ...input, updatedBy: actor.label };
    const current = await readSyncSettings(this.db);
    // A shorter interval applies from the last success, not only after the next run.
    if (input.intervalHours !== undefined && current.lastSuccessAt && current.failures === 0)
      patch.nextRunAt = iso(new Date(Date.parse(current.lastSuccessAt) + input.intervalHours * HOUR_MS));
    await updateSyncSettings(this.db, patch, iso(this.now()));
    return this.status();
  }

  /**
   * Starts a run now unless one is running (here or on another node). Answers once the run holds
   * the lock and has its row; `done` settles when it ends.
   */
  async runNow(actor: Actor): Promise<{ runId: string; done: Promise<AcledSyncRun> } | null> {
    if (this.running) return null;
    if ((await readSecret(this.db, ACLED_ACCOUNT_SECRET)) === null)
      throw new DomainError('conflict', 'No ACLED account is configured: enter one first.', { account: 'is missing' });
    return this.start('manual', actor, false);
  }

  /** The scheduler's check: runs when one is due. Exposed for tests. */
  async tick(): Promise<AcledSyncRun | null> {
    if (this.running || this.stopped || !(await this.due())) return null;
    const started = await this.start('schedule', SCHEDULER, true);
    return started ? started.done : null;
  }

  startScheduler(): void {
    const loop = () => {
      this.timer = setTimeout(() => {
        this.tick()
          .catch((err) => this.opts.log.warn({ err: (err as Error).message }, 'ACLED sync check failed'))
          .finally(() => {
            if (!this.stopped) loop();
          });
      }, this.opts.tickMs);
      this.timer.unref();
    };
    loop();
  }

  /**
   * Stops the scheduler and gives a run in progress a few seconds to end. One cut short stays
   * `running` in its row until the next run, under the lock, marks it failed; what it saved stays.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running.catch(() => {}), new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  /** Settles when no run is going on in this process. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => {});
  }

  private async due(): Promise<boolean> {
    const row = await readSyncSettings(this.db);
    if (!row.enabled) return false;
    if ((await readSecret(this.db, ACLED_ACCOUNT_SECRET)) === null) return false;
    return row.nextRunAt === null || Date.parse(row.nextRunAt) <= this.now().getTime();
  }

  private start(
    trigger: 'schedule' | 'manual',
    actor: Actor,
    onlyIfDue: boolean,
  ): Promise<{ runId: string; done: Promise<AcledSyncRun> } | null> {
    // Checked and set with no await in between: two requests at once cannot both start a run here.
    if (this.running) return Promise.resolve(null);
    let answer!: (v: { runId: string; done: Promise<AcledSyncRun> } | null) => void;
    let refuse!: (err: unknown) => void;
    const started = new Promise<{ runId: string; done: Promise<AcledSyncRun> } | null>((res, rej) => {
      answer = res;
      refuse = rej;
    });
    let answered = false;
    const work = withSyncLock(this.opts.database, async () => {
      // Under the lock: a run that ended on another node a moment ago has moved next_run_at on.
      if (onlyIfDue && !(await this.due())) return;
      await failInterruptedRuns(this.db, iso(this.now()));
      const runId = randomUUID();
      const settings = await readSyncSettings(this.db);
      await insertSyncRun(this.db, {
        id: runId,
        trigger,
        actor: actor.label,
        state: 'running',
        startedAt: iso(this.now()),
        eventsSince: settings.eventsSince,
        deletedSince: settings.deletedSince,
      });
      const done = this.execute(runId, settings, actor);
      done.catch(() => {}); // awaited below; a caller may drop it
      answered = true;
      answer({ runId, done });
      await done;
    }).then(
      () => {
        if (!answered) answer(null);
      },
      (err: unknown) => {
        if (!answered) refuse(err);
        else this.opts.log.error({ err: (err as Error).message }, 'ACLED sync run failed unexpectedly');
      },
    );
    this.running = work;
    void work.finally(() => {
      if (this.running === work) this.running = null;
    });
    return started;
  }

  private async execute(runId: string, settings: AcledSyncRow, actor: Actor): Promise<AcledSyncRun> {
    const log = this.opts.log.child({ part: 'acled-sync', run: runId });
    let result: AcledSyncResult;
    try {
      const account = await this.account();
      const client = new AcledApiClient({
        baseUrl: this.opts.apiUrl,
        account,
        pause: this.opts.pause,
        backoffMs: this.opts.backoffMs,
      });
      const target = acledSyncTarget({
        ctx: this.opts.ctx(actor),
        writes: this.opts.writes,
        operations: settings.operations,
      });
      result = await runAcledSync({
        client,
        target,
        cursor: { eventsSince: settings.eventsSince, deletedSince: settings.deletedSince },
        pageSize: this.opts.pageSize,
        firstFrom: settings.firstFrom,
        today: iso(this.now()).slice(0, 10),
      });
    } catch (err) {
      result = {
        ok: false,
        report: null,
        deletions: { listed: 0, retracted: 0, alreadyRetracted: 0, notHeld: 0, errors: [] },
        cursor: { eventsSince: settings.eventsSince, deletedSince: settings.deletedSince },
        pages: { events: 0, deleted: 0 },
        requests: 0,
        rateLimitWaits: 0,
        reauthentications: 0,
        error: err instanceof Error ? err.message : String(err),
        retryAfterMs: null,
      };
    }
    const end = this.now();
    const { ok, error, retryAfterMs, ...kept } = result;
    const failures = ok ? 0 : settings.failures + 1;
    const next = ok
      ? end.getTime() + settings.intervalHours * HOUR_MS
      : end.getTime() + backoffDelayMs(failures, settings.intervalHours, retryAfterMs);
    await finishSyncRun(this.db, runId, {
      state: ok ? 'succeeded' : 'failed',
      finishedAt: iso(end),
      result: kept,
      error,
    });
    await updateSyncSettings(
      this.db,
      {
        eventsSince: result.cursor.eventsSince,
        deletedSince: result.cursor.deletedSince,
        failures,
        nextRunAt: iso(new Date(next)),
        ...(ok ? { lastSuccessAt: iso(end) } : {}),
      },
      iso(end),
    );
    const r = result.report;
    log[ok ? 'info' : 'warn'](
      {
        ok,
        rows: r?.rows,
        imported: r?.imported,
        updated: r?.updated,
        errors: r?.errorCount,
        retracted: result.deletions.retracted,
        pages: result.pages,
        requests: result.requests,
        error,
      },
      ok ? 'ACLED sync finished' : 'ACLED sync failed',
    );
    const [row] = (await listSyncRuns(this.db, 10)).filter((x) => x.id === runId);
    return runView(row!);
  }

  private async account(): Promise<AcledAccount> {
    const secret = await readSecret(this.db, ACLED_ACCOUNT_SECRET);
    if (!secret) throw new Error('No ACLED account is configured');
    const parsed = AcledAccountInput.safeParse(JSON.parse(this.opts.box.open(ACLED_ACCOUNT_SECRET, secret.value)));
    if (!parsed.success) throw new Error('The stored ACLED account is incomplete: enter it again');
    return parsed.data;
  }
}
