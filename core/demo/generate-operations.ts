/**
 * Synthetic counter-terrorism operations. Three shapes, like the published record:
 * - daily records per district (a single operation, or a day's returns for the district);
 * - weekly border-interdiction totals for the border belts of KP-MD and Balochistan;
 * - monthly CTD totals for Punjab and Sindh.
 * They never cover the same activity twice, so summing `count` gives the period's total. Tuned so
 * 2025 lands near the reported tempo (75,000+ IBOs, 2,597 militants killed) without copying it.
 */
import { isAfghanProvince, type OperationKind, type Province } from '../enums';
import type { CreateOperationInput } from '../operation/schema';
import { AFGHAN_WEIGHTS, GROUP_WEIGHTS, killFactor, operationFactor } from './demo-weights';
import { operationSummary } from './describe';
import { DEMO_SOURCE } from './generate-incident';
import { pickDistrict } from './places';
import type { Rng } from './random';

/** Expected daily records per province at a factor of 1. */
const DAILY_RECORDS: Partial<Record<Province, number>> = {
  'KP-MD': 1.4,
  KP: 1.2,
  Balochistan: 1.0,
  Punjab: 0.15,
  Sindh: 0.1,
};

const AGENCIES: Partial<Record<Province, readonly string[]>> = {
  'KP-MD': ['Security forces', 'Pakistan Army', 'Frontier Corps KP'],
  KP: ['Security forces', 'CTD Khyber Pakhtunkhwa', 'KP Police'],
  Balochistan: ['Security forces', 'Frontier Corps Balochistan', 'CTD Balochistan'],
  Punjab: ['CTD Punjab'],
  Sindh: ['CTD Sindh', 'Sindh Rangers'],
};

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function targetGroup(rng: Rng, province: Province, groupIds: Readonly<Record<string, string>>): string | null {
  const key = rng.weighted(GROUP_WEIGHTS[province]);
  return key === 'unknown' ? null : (groupIds[key] ?? null);
}

function base(
  day: string,
  externalId: string,
): Pick<CreateOperationInput, 'sources' | 'verification' | 'externalId' | 'synthetic' | 'occurredAt'> {
  return {
    occurredAt: day,
    sources: [{ ...DEMO_SOURCE }],
    verification: 'reported',
    externalId,
    synthetic: true,
  };
}

/** The day's district-level records (and, rarely, an air strike). */
export function dailyOperations(
  rng: Rng,
  day: string,
  groupIds: Readonly<Record<string, string>>,
  idPrefix: string,
): CreateOperationInput[] {
  const out: CreateOperationInput[] = [];
  const of = operationFactor(day);
  const kf = killFactor(day);
  for (const [province, rate] of Object.entries(DAILY_RECORDS) as Array<[Province, number]>) {
    const n = rng.poisson(rate * of);
    for (let k = 0; k < n; k++) {
      const district = pickDistrict(rng, province);
      const kind = rng.weighted<OperationKind>({ intelligence_based: 0.8, clearance: 0.1, cordon_and_search: 0.1 });
      const aggregated = rng.chance(0.4);
      const count = aggregated ? 10 + rng.geometric(50) : 1;
      const militantsKilled = rng.geometric((aggregated ? 2.2 : 0.8) * kf);
      const militantsArrested = rng.geometric(aggregated ? 4 : 0.8);
      const securityKilled = rng.geometric(0.12);
      const place = aggregated ? null : rng.pick(district.places);
      out.push({
        ...base(day, `${idPrefix}-${out.length}`),
        timePrecision: 'day',
        country: 'Pakistan',
        province,
        district: district.district,
        place,
        latitude: round(district.lat + (aggregated ? 0 : rng.jitter(0.05))),
        longitude: round(district.lon + (aggregated ? 0 : rng.jitter(0.05))),
        geoPrecision: 'district',
        kind,
        agency: rng.pick(AGENCIES[province] ?? ['Security forces']),
        groupId: targetGroup(rng, province, groupIds),
        count,
        militantsKilled,
        militantsArrested,
        securityKilled,
        securityInjured: rng.geometric(0.25),
        summary: operationSummary({
          kind,
          count,
          where: place ?? district.district,
          period: 'day',
          militantsKilled,
          militantsArrested,
          securityKilled,
        }),
        verification: rng.weighted({ reported: 0.7, confirmed: 0.27, disputed: 0.03 }),
      });
    }
  }
  // Air strikes are rare: mostly on hideouts in the tribal districts, now and then across the border.
  if (rng.chance(0.02 * of)) {
    const province: Province = rng.chance(0.25) ? rng.weighted(AFGHAN_WEIGHTS) : 'KP-MD';
    const district = pickDistrict(rng, province);
    const militantsKilled = 3 + rng.geometric(8 * kf);
    out.push({
      ...base(day, `${idPrefix}-${out.length}`),
      timePrecision: 'day',
      country: isAfghanProvince(province) ? 'Afghanistan' : 'Pakistan',
      province,
      district: district.district,
      latitude: district.lat,
      longitude: district.lon,
      geoPrecision: 'district',
      kind: 'air_strike',
      agency: 'Pakistan Air Force',
      groupId: targetGroup(rng, province, groupIds),
      militantsKilled,
      summary: operationSummary({
        kind: 'air_strike',
        count: 1,
        where: district.district,
        period: 'day',
        militantsKilled,
        militantsArrested: 0,
        securityKilled: 0,
      }),
    });
  }
  return out;
}

/** Weekly border-interdiction totals (start of week = Monday), count in the hundreds. */
export function weeklyOperations(
  rng: Rng,
  monday: string,
  groupIds: Readonly<Record<string, string>>,
  idPrefix: string,
): CreateOperationInput[] {
  const of = operationFactor(monday);
  return (['KP-MD', 'Balochistan'] as const).map((province, k) => {
    const count = Math.max(1, Math.round((80 + rng.geometric(120)) * of));
    const militantsKilled = rng.geometric(killFactor(monday));
    const militantsArrested = rng.geometric(15);
    const securityKilled = rng.geometric(0.2);
    return {
      ...base(monday, `${idPrefix}-${k}`),
      timePrecision: 'week',
      country: 'Pakistan',
      province,
      geoPrecision: 'province',
      kind: 'border_interdiction',
      agency: province === 'Balochistan' ? 'Frontier Corps Balochistan' : 'Frontier Corps KP',
      groupId: targetGroup(rng, province, groupIds),
      count,
      militantsKilled,
      militantsArrested,
      securityKilled,
      securityInjured: rng.geometric(0.5),
      summary: operationSummary({
        kind: 'border_interdiction',
        count,
        where: province === 'KP-MD' ? 'the border belt of the tribal districts' : 'the Balochistan border belt',
        period: 'week',
        militantsKilled,
        militantsArrested,
        securityKilled,
      }),
    };
  });
}

/** Monthly CTD returns for Punjab and Sindh, published as totals rather than one by one. */
export function monthlyOperations(
  rng: Rng,
  first: string,
  groupIds: Readonly<Record<string, string>>,
  idPrefix: string,
): CreateOperationInput[] {
  const of = operationFactor(first);
  return (['Punjab', 'Sindh'] as const).map((province, k) => {
    const count = Math.max(1, Math.round((200 + rng.geometric(250)) * of));
    const militantsKilled = rng.geometric(6 * killFactor(first));
    const militantsArrested = 20 + rng.geometric(40);
    return {
      ...base(first, `${idPrefix}-${k}`),
      timePrecision: 'month',
      country: 'Pakistan',
      province,
      geoPrecision: 'province',
      kind: 'intelligence_based',
      agency: `CTD ${province}`,
      groupId: targetGroup(rng, province, groupIds),
      count,
      militantsKilled,
      militantsArrested,
      summary: operationSummary({
        kind: 'intelligence_based',
        count,
        where: province,
        period: 'month',
        militantsKilled,
        militantsArrested,
        securityKilled: 0,
      }),
    };
  });
}
