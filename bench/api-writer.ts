/**
 * Writes through the public API, as an operator's script would: POST /api/incidents with a Bearer
 * token. Bodies come from the demo generator (seeded), dated just before now, and carry a marker
 * in `externalId` so a client can tell which request a change answers.
 */
import type { Change } from '../core/change/change';
import { generateIncident } from '../core/demo/generate-incident';
import { createRng, hashSeed, type Rng } from '../core/demo/random';
import type { CreateIncidentInput } from '../core/incident/schema';
import type { Database } from '../db/client';
import { nowMs } from './percentiles';
import { query } from './sql-rows';

export interface Posted {
  status: number;
  /** The change as clients receive it (built from the answer), when created. */
  change: Change | null;
  sentAt: number;
  ms: number;
}

export async function readGroupIds(database: Database): Promise<Record<string, string>> {
  const rows = await query(database.db, `SELECT short_name, id FROM groups WHERE retracted_at IS NULL`);
  return Object.fromEntries(rows.map((r) => [String(r.short_name), String(r.id)]));
}

export class IncidentSource {
  private readonly rng: Rng;
  constructor(
    private readonly groupIds: Readonly<Record<string, string>>,
    seed: string,
  ) {
    this.rng = createRng(hashSeed('bench-writes', seed));
  }

  next(marker: string): CreateIncidentInput {
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const input = generateIncident(this.rng, day, this.groupIds, marker);
    // Within the last hour (never in the future): a live incident, on today's rollup row.
    input.occurredAt = new Date(now - this.rng.int(0, 3_600_000)).toISOString();
    input.timePrecision = 'exact';
    return input;
  }
}

export async function postIncident(baseUrl: string, token: string, input: CreateIncidentInput): Promise<Posted> {
  const sentAt = nowMs();
  const res = await fetch(`${baseUrl}/api/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  const ms = nowMs() - sentAt;
  if (res.status !== 201) return { status: res.status, change: null, sentAt, ms };
  const body = JSON.parse(text) as {
    incident: { id: string; version: number; createdAt: string };
    change: { epoch: string; seq: number };
  };
  const change: Change = {
    epoch: body.change.epoch,
    seq: body.change.seq,
    at: body.incident.createdAt,
    entity: 'incident',
    action: 'created',
    id: body.incident.id,
    version: body.incident.version,
    data: body.incident,
  };
  return { status: res.status, change, sentAt, ms };
}

export interface PostedBatch {
  status: number;
  /** Items answered 201. */
  created: number;
  /** Statuses of the items that were not. */
  refused: number[];
  ms: number;
}

/** POST /api/incidents/batch with `inputs` as its items. */
export async function postIncidentBatch(
  baseUrl: string,
  token: string,
  inputs: CreateIncidentInput[],
): Promise<PostedBatch> {
  const sentAt = nowMs();
  const res = await fetch(`${baseUrl}/api/incidents/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: inputs }),
  });
  const text = await res.text();
  const ms = nowMs() - sentAt;
  if (res.status !== 200) return { status: res.status, created: 0, refused: inputs.map(() => res.status), ms };
  const body = JSON.parse(text) as { results: { status: number }[] };
  const refused = body.results.filter((r) => r.status !== 201).map((r) => r.status);
  return { status: res.status, created: body.results.length - refused.length, refused, ms };
}

/** Fails loudly on the first refused write: a bench of 401s would measure nothing. */
export function expectCreated(p: Posted, what: string): Change {
  if (!p.change) throw new Error(`${what}: POST /api/incidents answered ${p.status}`);
  return p.change;
}
