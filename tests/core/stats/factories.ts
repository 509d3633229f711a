/** Read-shape records for pure stats tests: a valid incident or operation with overrides. */
import { emptyCasualties, type Casualties } from '../../../core/common-schemas';
import type { CasualtyCategory } from '../../../core/enums';
import type { Incident } from '../../../core/incident/schema';
import type { Operation } from '../../../core/operation/schema';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const versioned = (at: string) => ({
  id: id(),
  version: 1,
  createdAt: at,
  createdBy: 'test',
  updatedAt: at,
  updatedBy: 'test',
  retractedAt: null,
  retractedBy: null,
  retractionReason: null,
});

export function casualties(
  killed: Partial<Record<CasualtyCategory, [number, number | null]>> = {},
  injured: Partial<Record<CasualtyCategory, [number, number | null]>> = {},
): Casualties {
  const c = emptyCasualties();
  for (const [k, [low, high]] of Object.entries(killed)) c.killed[k as CasualtyCategory] = { low, high };
  for (const [k, [low, high]] of Object.entries(injured)) c.injured[k as CasualtyCategory] = { low, high };
  return c;
}

export function incident(over: Partial<Incident> = {}): Incident {
  const at = over.occurredAt ?? '2025-03-10T12:00:00.000Z';
  return {
    ...versioned(at),
    occurredAt: at,
    timePrecision: 'exact',
    country: 'Pakistan',
    province: 'KP',
    district: null,
    place: null,
    latitude: null,
    longitude: null,
    geoPrecision: 'district',
    type: 'armed_assault',
    category: 'attack',
    targetType: 'police',
    groupId: null,
    groupName: null,
    namedActor: false,
    actors: [],
    claimed: false,
    crossBorder: 'unknown',
    foreignNationals: 'unknown',
    casualties: emptyCasualties(),
    summary: null,
    sources: [],
    verification: 'reported',
    externalId: null,
    synthetic: false,
    occurredUntil: null,
    sourceFields: null,
    syncedAt: null,
    ...over,
  };
}

export function operation(over: Partial<Operation> = {}): Operation {
  const at = over.occurredAt ?? '2025-03-10T12:00:00.000Z';
  return {
    ...versioned(at),
    occurredAt: at,
    timePrecision: 'day',
    country: 'Pakistan',
    province: 'KP',
    district: null,
    place: null,
    latitude: null,
    longitude: null,
    geoPrecision: 'district',
    kind: 'intelligence_based',
    agency: null,
    groupId: null,
    groupName: null,
    namedActor: false,
    actors: [],
    count: 1,
    militantsKilled: 0,
    militantsArrested: 0,
    securityKilled: 0,
    securityInjured: 0,
    summary: null,
    sources: [],
    verification: 'reported',
    externalId: null,
    synthetic: false,
    occurredUntil: null,
    sourceFields: null,
    syncedAt: null,
    ...over,
  };
}
