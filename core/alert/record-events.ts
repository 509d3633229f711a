/**
 * The `each` trigger, pure: which alert events one change-log entry makes for one rule.
 * - a new record that matches the view → `new`;
 * - a correction that makes a record match when it was never alerted → `new` (its first alert);
 * - a correction of an alerted record whose killed figures move by `killedChange` or more → `corrected`;
 * - the retraction of an alerted record → `retracted` (the follow-up).
 * Event keys are stable, so re-evaluating the same change after a restart gives the same keys and
 * the delivery table's unique key drops the repeat.
 */
import type { ChangeRecord } from '../change/change';
import type { IncidentFilter } from '../filters';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';
import { incidentMatches, operationMatches } from '../stats/match-filter';
import type { EachTrigger } from './schema';
import { killedOf, type Killed } from './killed-figures';

export type RecordEventKind = 'new' | 'corrected' | 'retracted';

export interface RecordEvent {
  key: string;
  kind: RecordEventKind;
  entity: 'incident' | 'operation';
  recordId: string;
  seq: number;
  /** The record as the API returns it after the change. */
  record: Incident | Operation;
  killed: Killed;
  killedBefore: Killed | null;
  synthetic: boolean;
}

type AnyRecord = Incident | Operation;

const DAY_MS = 86_400_000;

export function newEventKey(entity: string, id: string): string {
  return `${entity}:${id}:new`;
}

export function recordEvents(
  trigger: EachTrigger,
  filter: IncidentFilter,
  change: ChangeRecord,
  alerted: boolean,
  now: Date,
): RecordEvent[] {
  if (change.entity !== trigger.entity) return [];
  const matches = (r: AnyRecord | null) =>
    r !== null &&
    (trigger.entity === 'incident' ? incidentMatches(r as Incident, filter) : operationMatches(r as Operation, filter));
  const after = change.data as AnyRecord;
  const before = (change.before ?? null) as AnyRecord | null;
  const base = {
    entity: trigger.entity,
    recordId: change.id,
    seq: change.seq,
    record: after,
    killed: killedOf(trigger.entity, after),
    killedBefore: before ? killedOf(trigger.entity, before) : null,
    synthetic: after.synthetic === true,
  };
  const recent = Date.parse(after.occurredAt) >= now.getTime() - trigger.maxAgeDays * DAY_MS;

  if (change.action === 'retracted') {
    return alerted ? [{ ...base, kind: 'retracted', key: `${trigger.entity}:${change.id}:retracted` }] : [];
  }
  if (!matches(after) || after.retractedAt) return [];
  if (!alerted) {
    // A record that newly matches (created, or corrected into the view) gets its first alert.
    if (!recent) return [];
    if (change.action === 'created' || !matches(before)) {
      return [{ ...base, kind: 'new', key: newEventKey(trigger.entity, change.id) }];
    }
    return [];
  }
  if (change.action === 'updated' && trigger.killedChange !== null) {
    const moved = killedMovement(base.killedBefore, base.killed);
    if (moved >= trigger.killedChange) {
      return [{ ...base, kind: 'corrected', key: `${trigger.entity}:${change.id}:v${change.version}` }];
    }
  }
  return [];
}

/** How far the "at least" killed total moved; from "not reported" to N counts as N. */
export function killedMovement(before: Killed | null, after: Killed): number {
  return Math.abs((after.low ?? 0) - (before?.low ?? 0));
}
