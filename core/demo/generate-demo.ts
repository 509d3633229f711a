/**
 * The deterministic synthetic demo data set: about a thousand incidents a year and the matching
 * operations record, for screenshots, demos, benchmarks and tests. Every row is `synthetic: true`.
 *
 * Each calendar day draws from its own generator, seeded by (seed, stream, day). So the records of
 * a day depend on the seed and the day only, not on the window: running again later with a newer
 * `end` reproduces the overlapping days exactly (same externalIds), which is what lets seedDemo skip
 * what is already stored instead of piling up a second copy.
 */
import type { CreateIncidentInput } from '../incident/schema';
import type { CreateOperationInput } from '../operation/schema';
import { incidentRate } from './demo-weights';
import { generateIncident } from './generate-incident';
import { dailyOperations, monthlyOperations, weeklyOperations } from './generate-operations';
import { createRng, hashSeed } from './random';

export interface DemoOptions {
  seed: number | string;
  /** Exclusive end, rounded down to its UTC day: the last generated day is the day before. */
  end: Date;
  years?: number;
  /** Seed group ids by short name; a missing group makes its records "unknown" (groupId null). */
  groupIds: Readonly<Record<string, string>>;
  /**
   * Also the end's own day, up to the end instant: a first start then shows the last hours filled,
   * not a day-old wall. Records of that day are the same ones a later, longer run generates.
   */
  throughEnd?: boolean;
}

export interface DemoData {
  incidents: CreateIncidentInput[];
  operations: CreateOperationInput[];
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The generated days: [start, end) as YYYY-MM-DD, `years` calendar years back from the end day. */
export function demoWindow(end: Date, years = 3): { start: string; end: string } {
  if (Number.isNaN(end.getTime())) throw new RangeError('end must be a valid date');
  if (!Number.isInteger(years) || years < 1 || years > 20)
    throw new RangeError('years must be a whole number from 1 to 20');
  const endDay = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  const start = new Date(endDay);
  start.setUTCFullYear(start.getUTCFullYear() - years);
  return { start: isoDay(start.getTime()), end: isoDay(endDay) };
}

/** A short, stable tag for externalIds: the seed itself when it is a plain integer. */
export function seedTag(seed: number | string): string {
  return typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0
    ? String(seed)
    : hashSeed(String(seed)).toString(36);
}

export function generateDemo({ seed, end, years = 3, groupIds, throughEnd = false }: DemoOptions): DemoData {
  const window = demoWindow(end, years);
  const tag = seedTag(seed);
  const incidents: CreateIncidentInput[] = [];
  const operations: CreateOperationInput[] = [];
  const endMs = Date.parse(`${window.end}T00:00:00Z`) + (throughEnd ? DAY_MS : 0);
  const upTo = end.toISOString();
  for (let ms = Date.parse(`${window.start}T00:00:00Z`); ms < endMs; ms += DAY_MS) {
    const day = isoDay(ms);
    const rng = createRng(hashSeed(tag, 'incident', day));
    const n = rng.poisson(incidentRate(day));
    const today: CreateIncidentInput[] = [];
    for (let k = 0; k < n; k++) today.push(generateIncident(rng, day, groupIds, `demo-${tag}-${day}-i${k}`));
    // Chronological within the day, so a live replay of the seed reads in order.
    today.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
    incidents.push(...today);

    const ops = createRng(hashSeed(tag, 'operation', day));
    operations.push(...dailyOperations(ops, day, groupIds, `demo-${tag}-${day}-o`));
    if (new Date(ms).getUTCDay() === 1)
      operations.push(...weeklyOperations(ops, day, groupIds, `demo-${tag}-${day}-w`));
    if (day.endsWith('-01')) operations.push(...monthlyOperations(ops, day, groupIds, `demo-${tag}-${day}-m`));
  }
  if (!throughEnd) return { incidents, operations };
  return {
    incidents: incidents.filter((i) => i.occurredAt <= upTo),
    operations: operations.filter((o) => (o.occurredAt ?? '') <= upTo),
  };
}
