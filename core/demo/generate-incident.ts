/** One synthetic incident, drawn from the weights in demo-weights.ts for a given day. */
import { isAfghanProvince, type CasualtyCategory, type IncidentType, type TargetType } from '../enums';
import type { CreateIncidentInput } from '../incident/schema';
import { CASUALTY_SHAPE, GROUP_WEIGHTS, PROVINCE_WEIGHTS, TARGET_WEIGHTS, typeWeights } from './demo-weights';
import { incidentSummary, type Sides } from './describe';
import { pickDistrict } from './places';
import type { Rng } from './random';

export const DEMO_SOURCE = { name: 'Demo data (synthetic)', url: null } as const;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const emptySides = (): Sides => ({
  civilians: { low: 0, high: null },
  security_forces: { low: 0, high: null },
  militants: { low: 0, high: null },
  not_specified: { low: 0, high: null },
});

/** Who the dead and wounded on the attacked side are, from the target. */
const victimSide = (t: TargetType): CasualtyCategory =>
  t === 'security_forces' || t === 'police' ? 'security_forces' : 'civilians';

/** Casualties: mostly small, a heavy tail of mass-casualty events, now and then an "up to" figure. */
function casualties(rng: Rng, type: IncidentType, target: TargetType): { killed: Sides; injured: Sides } {
  const shape = CASUALTY_SHAPE[type];
  const mass = rng.chance(shape.mass);
  const killedTotal = mass ? 10 + rng.geometric(14) : rng.geometric(shape.killed);
  const injuredTotal = mass ? Math.round(killedTotal * (0.8 + rng.next() * 2.2)) : rng.geometric(shape.injured);
  const killed = emptySides();
  const injured = emptySides();
  const victims = victimSide(target);
  // Many sources (ACLED among them) do not say who died: keep a share unsplit.
  const unsplit = rng.chance(0.1);
  const main: CasualtyCategory = unsplit ? 'not_specified' : victims;
  // A bombing or assault on security forces often kills passers-by as well.
  const bystanders =
    !unsplit && victims === 'security_forces' && killedTotal >= 2 && rng.chance(0.3)
      ? rng.int(1, Math.ceil(killedTotal / 3))
      : 0;
  killed[main].low = killedTotal - bystanders;
  if (bystanders > 0) killed.civilians.low = bystanders;
  const hurtBystanders = bystanders > 0 ? Math.min(injuredTotal, rng.int(0, Math.ceil(injuredTotal / 2))) : 0;
  injured[main].low = injuredTotal - hurtBystanders;
  if (hurtBystanders > 0) injured.civilians.low = hurtBystanders;
  if (!unsplit) {
    if (type === 'suicide_bombing') killed.militants.low = rng.chance(0.8) ? 1 : rng.int(2, 5);
    else if ((type === 'armed_assault' || type === 'clash' || type === 'cross_border') && rng.chance(0.45)) {
      killed.militants.low = 1 + rng.geometric(type === 'clash' ? 1.8 : 1);
    }
  }
  // Early reports often give a range; the "up to" figure goes on the main victim side.
  if (killed[main].low > 0 && rng.chance(0.12))
    killed[main].high = killed[main].low + 1 + rng.geometric(Math.max(1, killed[main].low * 0.3));
  if (injured[main].low > 0 && rng.chance(0.08))
    injured[main].high = injured[main].low + 1 + rng.geometric(Math.max(1, injured[main].low * 0.4));
  return { killed, injured };
}

function tri(rng: Rng, yes: number, no: number): 'yes' | 'no' | 'unknown' {
  return rng.weighted({ yes, no, unknown: Math.max(0, 1 - yes - no) });
}

export function generateIncident(
  rng: Rng,
  day: string,
  groupIds: Readonly<Record<string, string>>,
  externalId: string,
): CreateIncidentInput {
  const province = rng.weighted(PROVINCE_WEIGHTS);
  const district = pickDistrict(rng, province);
  const type = rng.weighted(typeWeights(province, district.border === true, district.lines === true));
  const target = rng.weighted(TARGET_WEIGHTS[type]);
  const groupKey = rng.weighted({
    ...GROUP_WEIGHTS[province],
    ...addWeights(GROUP_WEIGHTS[province], district.groups),
  });
  // A group the caller did not seed (or retracted) degrades to unknown rather than failing the write.
  const groupId = groupKey === 'unknown' ? null : (groupIds[groupKey] ?? null);
  const groupName = groupId === null ? null : groupKey;
  const claimed = groupId !== null && rng.chance(0.6);
  const placeIndex = rng.chance(0.55) ? 0 : rng.int(0, district.places.length - 1);
  const place = district.places[placeIndex]!;
  const exactTime = rng.chance(0.55);
  const occurredAt = exactTime
    ? `${day}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`
    : day; // a bare date: stored as the start of that day in the reporting zone
  // Towns other than the main one get a wider scatter and a coarser precision.
  const spread = placeIndex === 0 ? 0.03 : 0.12;
  const { killed, injured } = casualties(rng, type, target);
  const afghan = isAfghanProvince(province);
  return {
    occurredAt,
    timePrecision: exactTime ? 'exact' : 'day',
    country: afghan ? 'Afghanistan' : 'Pakistan',
    province,
    district: district.district,
    place,
    latitude: round(district.lat + rng.jitter(spread), 4),
    longitude: round(district.lon + rng.jitter(spread), 4),
    geoPrecision: placeIndex === 0 ? 'near' : 'district',
    type,
    targetType: target,
    groupId,
    claimed,
    crossBorder: type === 'cross_border' || afghan ? 'yes' : tri(rng, district.border ? 0.2 : 0.06, 0.06),
    foreignNationals: tri(rng, province === 'KP-MD' || province === 'KP' ? 0.12 : 0.05, 0.05),
    casualties: { killed, injured },
    summary: incidentSummary(rng, { type, target, afghanSide: afghan, place, groupName, claimed, killed, injured }),
    sources: [{ ...DEMO_SOURCE }],
    verification: rng.weighted({ reported: 0.58, confirmed: 0.35, disputed: 0.07 }),
    externalId,
    synthetic: true,
  };
}

/** District extras are added to the province weights (a key missing from the province starts at 0). */
function addWeights(
  base: Readonly<Record<string, number>>,
  extra: Readonly<Record<string, number>> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, w] of Object.entries(extra ?? {})) out[k] = (base[k] ?? 0) + w;
  return out;
}
