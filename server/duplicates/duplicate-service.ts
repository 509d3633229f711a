/**
 * The duplicate detector of one node, and the live signal of the review queue. It follows the
 * change log (server/change-follower.ts) and runs detection steps until the log is read
 * (db/duplicates/detect-duplicates.ts): after the write committed, never inside it. A
 * candidate found or resolved anywhere reaches every node's sockets as `duplicates.changed`
 * (NOTIFY on PostgreSQL; in process on PGlite, which is one process): the signed-in ones with the
 * ids of the resolved candidates (the review queue), anonymous readers of a public dashboard
 * without them (the overview's count).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import { detectStep } from '../../db/duplicates/detect-duplicates';
import { DUPLICATES_CHANNEL } from '../../db/duplicates/duplicate-tx';
import type { LiveServer } from '../live/hub';
import { PUBLIC_ROOM, STAFF_ROOM } from '../live/hub';
import { ChangeFollower } from '../change-follower';

/** The in-process event a resolution or a detection step emits (PGlite). */
export const DUPLICATES_EVENT = 'duplicates';

export class DuplicateService {
  private readonly follower: ChangeFollower;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly onLocal = (resolved: string[]) => this.signal(resolved);

  constructor(private readonly opts: { database: Database; io?: LiveServer; log: Logger; pollMs?: number }) {
    const { database } = opts;
    this.follower = new ChangeFollower({
      database,
      log: opts.log,
      name: 'duplicate detection',
      pollMs: opts.pollMs,
      step: async () => {
        const step = await detectStep(database, randomUUID);
        if (step.touched > 0 && !database.sql) this.signal([]);
        return step;
      },
    });
  }

  async start(): Promise<void> {
    const { database } = this.opts;
    if (database.sql) {
      const found = await database.sql.listen(DUPLICATES_CHANNEL, (payload) =>
        this.signal(payload ? payload.split(',') : []),
      );
      this.unlisten = () => found.unlisten();
    } else database.events.on(DUPLICATES_EVENT, this.onLocal);
    await this.follower.start();
  }

  async stop(): Promise<void> {
    this.opts.database.events.off(DUPLICATES_EVENT, this.onLocal);
    await this.follower.stop();
    await this.unlisten?.().catch(() => {});
  }

  /** Resolves when the detector has read the log up to now (tests, and callers that need it). */
  settle(): Promise<void> {
    return this.follower.settle();
  }

  wake(): void {
    this.follower.wake();
  }

  /** A resolution made on this node: on PGlite no NOTIFY reaches the listeners, so say it here. */
  resolvedHere(ids: string[]): void {
    if (!this.opts.database.sql) this.opts.database.events.emit(DUPLICATES_EVENT, ids);
  }

  private signal(resolved: string[]): void {
    this.opts.io?.to(STAFF_ROOM).emit('duplicates.changed', { resolved });
    // A public overview shows the count too; which pairs were resolved is the queue's, not theirs.
    this.opts.io?.to(PUBLIC_ROOM).emit('duplicates.changed', { resolved: [] });
  }
}
