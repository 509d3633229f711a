/**
 * Follows the change log after commit, for the parts of a node that act on what was written (the
 * alert evaluator, the duplicate detector). Wake-ups come from a commit in this process, NOTIFY of
 * a change from any node, and a safety poll (missed wake-ups, retries); each wake-up runs steps
 * until the log is read, then `caughtUp`. A commit's wake-up waits `gatherMs` first, so a burst of
 * commits (16 writers, a group commit every few milliseconds) is read in one step rather than one
 * step (a transaction and its queries) per commit. Steps never overlap: a wake-up during a run asks for one
 * more run. A failing run is logged once and retried on the next wake-up; the step keeps its own
 * position in the database, so nothing is skipped.
 */
import type { Logger } from 'pino';
import { CHANGES_CHANNEL, type Database } from '../db/client';

export interface ChangeFollowerOptions {
  database: Database;
  log: Logger;
  /** What the follower does, for its log lines ("duplicate detection"). */
  name: string;
  /** Reads and handles one page of the log; `more` when the log has more to read. */
  step(): Promise<{ more: boolean }>;
  /** Runs after the steps caught up (the alert sender sends what is due); `stopped` ends its loop. */
  caughtUp?(stopped: () => boolean): Promise<void>;
  /** The safety poll, 1 s unless told. */
  pollMs?: number;
  /** How long a commit's wake-up gathers further commits before the run, 50 ms unless told. */
  gatherMs?: number;
}

export class ChangeFollower {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;
  private timer: NodeJS.Timeout | null = null;
  private gathering: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly onCommit = () => this.soon();
  private readonly isStopped = () => this.stopped;

  constructor(private readonly opts: ChangeFollowerOptions) {}

  async start(): Promise<void> {
    const { database } = this.opts;
    database.events.on('commit', this.onCommit);
    if (database.sql) {
      const sub = await database.sql.listen(
        CHANGES_CHANNEL,
        () => this.soon(),
        // (Re)connected: changes may have been written meanwhile.
        () => this.wake(),
      );
      this.unlisten = () => sub.unlisten();
    }
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  /** No new run starts; waits for the running one. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.opts.database.events.off('commit', this.onCommit);
    if (this.timer) clearInterval(this.timer);
    if (this.gathering) clearTimeout(this.gathering);
    await this.running?.catch(() => {});
    await this.unlisten?.().catch(() => {});
  }

  /** Resolves when the follower has read the log up to now (tests, and callers that need it). */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  /** A commit was written: run after the gathering delay (one run for the commits meanwhile). */
  private soon(): void {
    if (this.stopped || this.gathering) return;
    this.gathering = setTimeout(() => {
      this.gathering = null;
      this.wake();
    }, this.opts.gatherMs ?? 50);
  }

  /** Runs now (or once more after the running run). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async run(): Promise<void> {
    const { log, name } = this.opts;
    try {
      for (;;) {
        const step = await this.opts.step();
        if (!step.more || this.stopped) break;
      }
      if (!this.stopped) await this.opts.caughtUp?.(this.isStopped);
      if (this.failing) log.info(`${name} runs again`);
      this.failing = false;
    } catch (err) {
      // The database is away or a step failed: the next wake-up retries from the stored position.
      if (!this.failing) log.warn({ err: (err as Error).message }, `${name} failed; will retry`);
      this.failing = true;
    }
  }
}
