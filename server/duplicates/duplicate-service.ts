/**
 * The duplicate detector of one node, and the live signal of the review queue. Wake-ups (a local
 * commit, NOTIFY of a change from any node, a 1 s safety poll) run detection steps until the log
 * is read (db/duplicates/detect-duplicates.ts): after the write committed, never inside it. A
 * candidate found or resolved anywhere reaches every node's signed-in sockets as
 * `duplicates.changed` (NOTIFY on PostgreSQL; in process on PGlite, which is one process).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { CHANGES_CHANNEL, type Database } from '../../db/client';
import { detectStep } from '../../db/duplicates/detect-duplicates';
import { DUPLICATES_CHANNEL } from '../../db/duplicates/duplicate-tx';
import type { LiveServer } from '../live/hub';
import { STAFF_ROOM } from '../live/hub';

/** The in-process event a resolution or a detection step emits (PGlite). */
export const DUPLICATES_EVENT = 'duplicates';

export class DuplicateService {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly unlisten: (() => Promise<void>)[] = [];
  private readonly onCommit = () => this.wake();
  private readonly onLocal = (resolved: string[]) => this.signal(resolved);

  constructor(private readonly opts: { database: Database; io?: LiveServer; log: Logger; pollMs?: number }) {}

  async start(): Promise<void> {
    const { database } = this.opts;
    database.events.on('commit', this.onCommit);
    if (database.sql) {
      const changes = await database.sql.listen(
        CHANGES_CHANNEL,
        () => this.wake(),
        () => this.wake(),
      );
      const found = await database.sql.listen(DUPLICATES_CHANNEL, (payload) =>
        this.signal(payload ? payload.split(',') : []),
      );
      this.unlisten.push(
        () => changes.unlisten(),
        () => found.unlisten(),
      );
    } else database.events.on(DUPLICATES_EVENT, this.onLocal);
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.opts.database.events.off('commit', this.onCommit);
    this.opts.database.events.off(DUPLICATES_EVENT, this.onLocal);
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
    for (const u of this.unlisten) await u().catch(() => {});
  }

  /** Resolves when the detector has read the log up to now (tests, and callers that need it). */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  /** A resolution made on this node: on PGlite no NOTIFY reaches the listeners, so say it here. */
  resolvedHere(ids: string[]): void {
    if (!this.opts.database.sql) this.opts.database.events.emit(DUPLICATES_EVENT, ids);
  }

  private signal(resolved: string[]): void {
    this.opts.io?.to(STAFF_ROOM).emit('duplicates.changed', { resolved });
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.cycle().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async cycle(): Promise<void> {
    try {
      for (;;) {
        const step = await detectStep(this.opts.database, randomUUID);
        if (step.touched > 0 && !this.opts.database.sql) this.signal([]);
        if (!step.more || this.stopped) break;
      }
      if (this.failing) this.opts.log.info('duplicate detection runs again');
      this.failing = false;
    } catch (err) {
      // The database is away: the next wake-up retries from the stored position.
      if (!this.failing) this.opts.log.warn({ err: (err as Error).message }, 'duplicate detection failed; will retry');
      this.failing = true;
    }
  }
}
