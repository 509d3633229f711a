/**
 * One evaluation step, in one transaction (docs/adr/0017-alerts.md): take the evaluator lock,
 * read the changes after the rules' cursors in seq order, evaluate each rule, record its
 * deliveries and move its cursor. The transaction commits all of it or none, so a crash before
 * commit re-evaluates the same changes (same event keys) and a crash after it has them recorded.
 */
import type { Position } from '../change/change';
import { DomainError } from '../errors';
import { ruleFilter } from './alert-filters';
import { recordEventTitle, windowEventTitle } from './alert-text';
import type { AlertEvalTx, NewDelivery } from './ports';
import { newEventKey, recordEvents, type RecordEvent } from './record-events';
import type { AlertRuleRecord, ChannelType, WindowState } from './schema';
import { spikeEvent, thresholdEvent, triggerWindows, type WindowEvent } from './window-events';
import { incidentMatches } from '../stats/match-filter';
import type { Incident } from '../incident/schema';

export const EVAL_PAGE = 500;

export interface EvaluateOptions {
  now: Date;
  newId: () => string;
  /** SMTP is configured on this server. */
  email: boolean;
  pageSize?: number;
}

export interface EvaluateResult {
  /** Another node holds the lock. */
  locked: boolean;
  /** More changes wait: run another step. */
  more: boolean;
  inserted: NewDelivery[];
}

interface AlertEvent {
  key: string;
  seq: number;
  title: string;
  synthetic: boolean;
  payload: Record<string, unknown>;
}

const EXTERNAL: ReadonlySet<ChannelType> = new Set(['webhook', 'email']);

export async function evaluateAlerts(tx: AlertEvalTx, opts: EvaluateOptions): Promise<EvaluateResult> {
  const nothing = { locked: false, more: false, inserted: [] };
  if (!(await tx.tryLock())) return { ...nothing, locked: true };
  const top = await tx.position();
  const rules = await tx.rulesBehind(top);
  const current: AlertRuleRecord[] = [];
  for (const r of rules) {
    // The log was reset (a new history): start from its top rather than compare seqs across histories.
    if (r.cursor.epoch !== top.epoch) await tx.saveCursor(r.id, top, {});
    else current.push(r);
  }
  if (current.length === 0) return nothing;
  const pageSize = opts.pageSize ?? EVAL_PAGE;
  const from = Math.min(...current.map((r) => r.cursor.seq));
  const changes = await tx.changesAfter(top.epoch, from, pageSize, top.seq);
  const more = changes.length === pageSize && changes[changes.length - 1]!.seq < top.seq;
  const upTo = more ? changes[changes.length - 1]!.seq : top.seq;
  const inserted: NewDelivery[] = [];
  for (const rule of current) {
    const mine = changes.filter((c) => c.seq > rule.cursor.seq && c.seq <= upTo);
    const { events, state } = await ruleEvents(tx, rule, mine, opts.now).catch((err: unknown) => {
      // A rule whose filters no longer parse (a parameter was renamed) must not stall every other
      // rule: it moves on without alerting and says why on the rule.
      if (err instanceof DomainError && err.code === 'validation') {
        return { events: [], state: { ...rule.state, problem: err.message } };
      }
      throw err;
    });
    const rows = await deliveriesFor(tx, rule, events, opts);
    if (rows.length > 0) inserted.push(...(await tx.insertDeliveries(rows)));
    await tx.saveCursor(rule.id, { epoch: top.epoch, seq: upTo }, state);
  }
  const owners = new Set(
    inserted.filter((d) => !d.channel.endsWith(':webhook') && !d.channel.endsWith(':email')).map((d) => d.ownerId),
  );
  if (owners.size > 0) await tx.notifyOwners([...owners]);
  return { locked: false, more, inserted };
}

async function ruleEvents(
  tx: AlertEvalTx,
  rule: AlertRuleRecord,
  changes: Awaited<ReturnType<AlertEvalTx['changesAfter']>>,
  now: Date,
): Promise<{ events: AlertEvent[]; state: WindowState }> {
  const filter = ruleFilter(rule.filters);
  const t = rule.trigger;
  if (t.type === 'each') {
    const relevant = changes.filter((c) => c.entity === t.entity);
    const alerted = await tx.existingEvents(
      rule.id,
      relevant.map((c) => newEventKey(t.entity, c.id)),
    );
    const events: AlertEvent[] = [];
    for (const c of relevant) {
      for (const e of recordEvents(t, filter, c, alerted.has(newEventKey(t.entity, c.id)), now)) {
        if (e.kind === 'new') alerted.add(e.key);
        events.push(recordEvent(rule, e, tx.reportZone));
      }
    }
    return { events, state: rule.state };
  }
  // Window triggers: counts only move when an incident of the view changes (time passing only
  // lowers a rolling count), so evaluate after such a change, as of now.
  const touching = changes.filter(
    (c) => c.entity === 'incident' && [c.data, c.before].some((r) => r && incidentMatches(r as Incident, filter)),
  );
  if (touching.length === 0) return { events: [], state: rule.state };
  const seq = touching[touching.length - 1]!.seq;
  const windows = triggerWindows(t, now);
  const cur = await tx.measure(filter, windows.current, t.measure);
  let result: { event: WindowEvent | null; state: WindowState };
  let synthetic = cur.synthetic;
  if (t.type === 'threshold') result = thresholdEvent(t, cur.value, windows.current, rule.state);
  else {
    const base = await tx.measure(filter, windows.baseline!, t.measure);
    synthetic ||= base.synthetic;
    result = spikeEvent(
      t,
      cur.value,
      base.value,
      { current: windows.current, baseline: windows.baseline! },
      rule.state,
    );
  }
  const e = result.event;
  const events: AlertEvent[] = e
    ? [
        {
          key: `${e.kind}:${seq}`,
          seq,
          title: windowEventTitle(rule.name, e, tx.reportZone),
          synthetic,
          payload: { event: { ...e, key: `${e.kind}:${seq}`, seq } },
        },
      ]
    : [];
  return { events, state: result.state };
}

function recordEvent(rule: AlertRuleRecord, e: RecordEvent, zone: string): AlertEvent {
  return {
    key: e.key,
    seq: e.seq,
    title: recordEventTitle(rule.name, e, zone),
    synthetic: e.synthetic,
    payload: {
      event: {
        kind: e.kind,
        key: e.key,
        seq: e.seq,
        entity: e.entity,
        id: e.recordId,
        killed: e.killed,
        killedBefore: e.killedBefore,
      },
      [e.entity]: e.record,
    },
  };
}

async function deliveriesFor(
  tx: AlertEvalTx,
  rule: AlertRuleRecord,
  events: AlertEvent[],
  opts: EvaluateOptions,
): Promise<NewDelivery[]> {
  if (events.length === 0) return [];
  const now = opts.now.toISOString();
  const rows: NewDelivery[] = [];
  for (const [i, ch] of rule.channels.entries()) {
    const channel = `${i}:${ch.type}`;
    let notBefore = now;
    if (rule.digestMinutes && EXTERNAL.has(ch.type)) {
      const last = await tx.lastSent(rule.id, channel);
      const next = last ? Date.parse(last) + rule.digestMinutes * 60_000 : 0;
      if (next > opts.now.getTime()) notBefore = new Date(next).toISOString();
    }
    for (const e of events) {
      const base = {
        id: opts.newId(),
        ruleId: rule.id,
        ownerId: rule.ownerId,
        eventKey: e.key,
        channel,
        seq: e.seq,
        title: e.title,
        payload: { rule: { id: rule.id, name: rule.name }, title: e.title, ...e.payload },
      };
      if (!EXTERNAL.has(ch.type)) {
        // The inbox is the in-app channel: recorded is delivered; browsers are told live.
        rows.push({ ...base, outcome: 'sent', lastError: null, nextAttemptAt: now, deliveredAt: now });
      } else if (e.synthetic) {
        rows.push({ ...skipped(base, now), lastError: 'demo (synthetic) data alerts inside the app only' });
      } else if (ch.type === 'email' && !opts.email) {
        rows.push({ ...skipped(base, now), lastError: 'email is not configured on this server (SMTP_URL)' });
      } else {
        rows.push({ ...base, outcome: 'pending', lastError: null, nextAttemptAt: notBefore, deliveredAt: null });
      }
    }
  }
  return rows;
}

const skipped = (base: Omit<NewDelivery, 'outcome' | 'lastError' | 'nextAttemptAt' | 'deliveredAt'>, now: string) => ({
  ...base,
  outcome: 'skipped' as const,
  nextAttemptAt: now,
  deliveredAt: null,
});

export type { Position };
