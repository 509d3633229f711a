/**
 * One synthetic record "happening now", for the live demo: an incident (two in three) or an
 * operation, drawn from the same generators as the demo set and marked synthetic like it.
 */
import type { CreateIncidentInput } from '../incident/schema';
import type { CreateOperationInput } from '../operation/schema';
import { generateIncident } from './generate-incident';
import { dailyOperations } from './generate-operations';
import type { Rng } from './random';

export type LiveDemoRecord =
  { kind: 'incident'; input: CreateIncidentInput } | { kind: 'operation'; input: CreateOperationInput };

export function liveDemoRecord(rng: Rng, now: Date, groupIds: Readonly<Record<string, string>>): LiveDemoRecord {
  // The UTC day is never ahead of the reporting zone's (PKT is UTC+5), so a day-precision record is not in the future.
  const day = now.toISOString().slice(0, 10);
  const id = `demo-live-${now.getTime().toString(36)}-${rng.int(0, 1295).toString(36)}`;
  if (rng.chance(1 / 3)) {
    const [operation] = dailyOperations(rng, day, groupIds, id);
    if (operation) return { kind: 'operation', input: { ...operation, externalId: id } };
  }
  const incident = generateIncident(rng, day, groupIds, id);
  return { kind: 'incident', input: { ...incident, occurredAt: now.toISOString(), timePrecision: 'exact' } };
}
