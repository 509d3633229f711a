/**
 * The knobs of the synthetic data set, in one place so the shape can be tuned without touching the
 * generator. Numbers are relative weights, chosen to resemble the broad pattern of public tracker
 * reporting (PICSS, PIPS, ACLED summaries): KP and the ex-FATA districts first, Balochistan next,
 * violence rising through 2024–2025. They are illustrative, never statistics.
 */
import {
  AFGHAN_BORDER_PROVINCES,
  isAfghanProvince,
  type AfghanBorderProvince,
  type IncidentType,
  type Province,
  type TargetType,
} from '../enums';

/** Where the demo's Afghan-side events fall: the border provinces facing KP and Balochistan. */
export const AFGHAN_WEIGHTS: Readonly<Partial<Record<AfghanBorderProvince, number>>> = {
  Kunar: 0.9,
  Nangarhar: 0.9,
  Paktika: 0.8,
  Khost: 0.5,
  Kandahar: 0.4,
};

export const PROVINCE_WEIGHTS: Readonly<Record<Province, number>> = {
  'KP-MD': 30,
  KP: 28,
  Balochistan: 26,
  Punjab: 4.5,
  Sindh: 4.5,
  ICT: 1,
  'Gilgit-Baltistan': 1,
  AJK: 0.5,
  // The Afghan side (3.5 in all), filed under the border provinces the demo has districts for.
  ...(Object.fromEntries(AFGHAN_BORDER_PROVINCES.map((p) => [p, AFGHAN_WEIGHTS[p] ?? 0])) as Record<
    AfghanBorderProvince,
    number
  >),
  Afghanistan: 0,
};

/** Perpetrator weights by province; `unknown` is an unattributed incident (groupId null). */
export const GROUP_WEIGHTS: Readonly<Record<Province, Readonly<Record<string, number>>>> = {
  'KP-MD': { TTP: 0.55, 'ISIL-K': 0.04, HGB: 0.02, JuA: 0.02, LeI: 0.01, unknown: 0.36 },
  KP: { TTP: 0.58, 'ISIL-K': 0.04, JuA: 0.02, HGB: 0.02, unknown: 0.34 },
  Balochistan: { BLA: 0.34, BLF: 0.2, TTP: 0.06, 'ISIL-K': 0.03, unknown: 0.37 },
  Punjab: { TTP: 0.45, BLA: 0.05, 'ISIL-K': 0.05, unknown: 0.45 },
  Sindh: { BLA: 0.25, TTP: 0.2, 'ISIL-K': 0.05, unknown: 0.5 },
  ICT: { TTP: 0.5, unknown: 0.5 },
  'Gilgit-Baltistan': { TTP: 0.3, unknown: 0.7 },
  AJK: { unknown: 1 },
  ...(Object.fromEntries(
    AFGHAN_BORDER_PROVINCES.map((p) => [p, { TTP: 0.4, 'ISIL-K': 0.1, HGB: 0.05, unknown: 0.45 }]),
  ) as unknown as Record<AfghanBorderProvince, Readonly<Record<string, number>>>),
  Afghanistan: { unknown: 1 },
};

/** Incident-type weights; cross-border fire only where the district is on the border. */
export function typeWeights(
  province: Province,
  border: boolean,
  lines: boolean,
): Partial<Record<IncidentType, number>> {
  if (isAfghanProvince(province)) return { cross_border: 0.5, clash: 0.3, rocket_mortar_shelling: 0.15, other: 0.05 };
  const w: Partial<Record<IncidentType, number>> = {
    armed_assault: 0.3,
    ied_explosive: 0.22,
    targeted_killing: 0.15,
    clash: 0.09,
    kidnapping: 0.05,
    rocket_mortar_shelling: 0.04,
    suicide_bombing: 0.03,
    infrastructure_sabotage: 0.02,
    other: 0.02,
  };
  if (border) w.cross_border = 0.12;
  if (province === 'Balochistan') w.infrastructure_sabotage = lines ? 0.16 : 0.08;
  if (province === 'Punjab' || province === 'Sindh' || province === 'ICT') {
    w.clash = 0.03;
    w.rocket_mortar_shelling = 0;
    w.targeted_killing = 0.25;
  }
  return w;
}

export const TARGET_WEIGHTS: Readonly<Record<IncidentType, Partial<Record<TargetType, number>>>> = {
  armed_assault: { security_forces: 0.42, police: 0.33, civilians: 0.1, government: 0.1, other: 0.05 },
  suicide_bombing: {
    security_forces: 0.4,
    police: 0.2,
    civilians: 0.2,
    religious: 0.1,
    government: 0.05,
    foreign_nationals: 0.05,
  },
  ied_explosive: { security_forces: 0.45, police: 0.25, civilians: 0.15, infrastructure: 0.1, government: 0.05 },
  targeted_killing: {
    civilians: 0.35,
    police: 0.3,
    government: 0.15,
    religious: 0.1,
    education: 0.05,
    security_forces: 0.05,
  },
  rocket_mortar_shelling: { security_forces: 0.7, civilians: 0.3 },
  cross_border: { security_forces: 0.9, civilians: 0.1 },
  kidnapping: { civilians: 0.55, government: 0.2, security_forces: 0.1, education: 0.1, foreign_nationals: 0.05 },
  infrastructure_sabotage: { infrastructure: 1 },
  clash: { security_forces: 1 },
  other: { civilians: 0.5, education: 0.2, other: 0.3 },
};

/**
 * Casualty shape per type: mean killed and injured of an ordinary event (geometric, so mostly 0–2
 * with a tail), and the chance of a mass-casualty event (≥ 10 killed). Suicide bombings are rare
 * but by far the deadliest, as in every tracker's data.
 */
export const CASUALTY_SHAPE: Readonly<Record<IncidentType, { killed: number; injured: number; mass: number }>> = {
  armed_assault: { killed: 1.4, injured: 1.4, mass: 0.008 },
  suicide_bombing: { killed: 4, injured: 8, mass: 0.25 },
  ied_explosive: { killed: 0.9, injured: 2, mass: 0.006 },
  targeted_killing: { killed: 0.9, injured: 0.4, mass: 0 },
  rocket_mortar_shelling: { killed: 0.4, injured: 1, mass: 0 },
  cross_border: { killed: 0.8, injured: 1, mass: 0.005 },
  kidnapping: { killed: 0.1, injured: 0.2, mass: 0 },
  infrastructure_sabotage: { killed: 0.15, injured: 0.3, mass: 0.003 },
  clash: { killed: 1.4, injured: 1, mass: 0.008 },
  other: { killed: 0.3, injured: 0.5, mass: 0 },
};

/** Piecewise-linear factor by fractional year, interpolated between mid-year anchors. */
function trend(anchors: ReadonlyArray<readonly [number, number]>, day: string): number {
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  const t = y + (Date.UTC(y, m - 1, dd) - Date.UTC(y, 0, 1)) / (365.25 * 86_400_000);
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (t <= first[0]) return first[1];
  if (t >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const [t1, v1] = anchors[i]!;
    const [t0, v0] = anchors[i - 1]!;
    if (t <= t1) return v0 + ((t - t0) / (t1 - t0)) * (v1 - v0);
  }
  return last[1];
}

/** Attacks: public trackers report a steady rise after 2021, 2024 and 2025 the worst in a decade. */
const INCIDENT_TREND = [
  [2020.5, 0.45],
  [2021.5, 0.55],
  [2022.5, 0.7],
  [2023.5, 0.85],
  [2024.5, 1.05],
  [2025.5, 1.25],
  [2026.5, 1.3],
] as const;

/** Operations per year; the counter-terrorism tempo rose sharply in 2025 (75,000+ IBOs reported). */
const OPERATION_TREND = [
  [2022.5, 0.45],
  [2023.5, 0.6],
  [2024.5, 0.8],
  [2025.5, 1.05],
  [2026.5, 1.1],
] as const;

/** Militants killed rose far faster than the operation count (under 1,000 in 2024, 2,597 in 2025). */
const KILL_TREND = [
  [2022.5, 0.25],
  [2023.5, 0.3],
  [2024.5, 0.45],
  [2025.5, 1.1],
  [2026.5, 1.1],
] as const;

/** A mild fighting season: more activity in late spring and summer than in midwinter. */
const season = (day: string) => 1 + 0.12 * Math.sin(((Number(day.slice(5, 7)) - 4) / 12) * 2 * Math.PI);

export const INCIDENTS_PER_DAY = 2.6;
export const incidentRate = (day: string) => INCIDENTS_PER_DAY * trend(INCIDENT_TREND, day) * season(day);
export const operationFactor = (day: string) => trend(OPERATION_TREND, day);
export const killFactor = (day: string) => trend(KILL_TREND, day);
