/** What the alert verbs and the evaluator need from storage (db/alert-store.ts implements it). */
import type { ChangeRecord, Position } from '../change/change';
import type { IncidentFilter } from '../filters';
import type { Actor } from '../ports';
import type { AlertRuleRecord, DeliveryOutcome, Measure, SavedView, WindowState } from './schema';
import type { WindowSpan } from './window-events';

export interface NewDelivery {
  id: string;
  ruleId: string;
  ownerId: string;
  eventKey: string;
  /** `<index>:<type>` of the channel in the rule. */
  channel: string;
  seq: number;
  title: string;
  payload: unknown;
  outcome: DeliveryOutcome;
  lastError: string | null;
  /** Not before (a digest holds messages back). */
  nextAttemptAt: string;
  deliveredAt: string | null;
}

export interface AlertEvalTx {
  /** The reporting time zone (REPORT_TIMEZONE): the days and times alert texts name. */
  readonly reportZone: string;
  /** The cluster-wide evaluator lock for this transaction: false when another node holds it. */
  tryLock(): Promise<boolean>;
  position(): Promise<Position>;
  /** Enabled rules whose cursor is behind `top` (or in another epoch). */
  rulesBehind(top: Position): Promise<AlertRuleRecord[]>;
  changesAfter(epoch: string, after: number, limit: number, upTo: number): Promise<ChangeRecord[]>;
  /** Which of `keys` already have a delivery for this rule. */
  existingEvents(ruleId: string, keys: string[]): Promise<Set<string>>;
  /** The measure over a window for a filter; `synthetic`: demo records are among those counted. */
  measure(filter: IncidentFilter, window: WindowSpan, measure: Measure): Promise<{ value: number; synthetic: boolean }>;
  /** Inserts; a row whose (rule, event, channel) exists is left alone. Returns the rows inserted. */
  insertDeliveries(rows: NewDelivery[]): Promise<NewDelivery[]>;
  saveCursor(ruleId: string, cursor: Position, state: WindowState): Promise<void>;
  /** Tells every node, once this transaction commits, that these users have new in-app alerts. */
  notifyOwners(ownerIds: string[]): Promise<void>;
  /** When the last message of a rule's channel went out (for the digest). */
  lastSent(ruleId: string, channel: string): Promise<string | null>;
}

export interface RuleWrite {
  id: string;
  name: string;
  ownerId: string;
  viewId: string | null;
  filters: AlertRuleRecord['filters'];
  trigger: AlertRuleRecord['trigger'];
  channels: AlertRuleRecord['channels'];
  digestMinutes: number | null;
  enabled: boolean;
  cursor: Position;
  state: WindowState;
  version: number;
}

export interface AlertStore {
  /** One transaction for one evaluation step. */
  evaluate<T>(fn: (tx: AlertEvalTx) => Promise<T>): Promise<T>;
  /**
   * One plain read: whether an enabled rule is behind the log's top (an evaluation step has work)
   * and whether a delivery is due (the sender has work). Optional: without it every wake-up runs a
   * step and a claim.
   */
  pending?(): Promise<{ rulesBehind: boolean; deliveriesDue: boolean }>;
  position(): Promise<Position>;
  views: {
    get(id: string): Promise<SavedView | null>;
    /** The caller's own and the shared ones. */
    visibleTo(ownerId: string): Promise<SavedView[]>;
    insert(v: SavedView): Promise<void>;
    update(v: SavedView): Promise<void>;
    delete(id: string): Promise<void>;
  };
  rules: {
    get(id: string): Promise<AlertRuleRecord | null>;
    ownedBy(ownerId: string): Promise<AlertRuleRecord[]>;
    insert(r: RuleWrite): Promise<void>;
    /** Compare-and-set on `version`: false when the rule changed meanwhile. */
    update(r: RuleWrite, expectedVersion: number): Promise<boolean>;
    delete(id: string): Promise<void>;
  };
}

export interface AlertCtx {
  alerts: AlertStore;
  actor: Actor;
  now: () => Date;
  newId: () => string;
  /** Channels this server can send through (email needs SMTP_URL). */
  email: boolean;
  /** Checks a webhook target against the address policy; throws a ValidationError naming `field`. */
  checkWebhook(url: string, field: string): Promise<void>;
}
