/**
 * ACLED actor types ("inter" codes). Until 2024 they were digits; since then some exports write the
 * label instead ("State forces"), so both are read.
 */
import type { TargetType } from '../enums';

export const INTER = {
  none: 0,
  stateForces: 1,
  rebelGroups: 2,
  politicalMilitias: 3,
  identityMilitias: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  externalForces: 8,
} as const;

const INTER_BY_LABEL: ReadonlyArray<[RegExp, number]> = [
  [/^state forces?/, INTER.stateForces],
  [/^rebel/, INTER.rebelGroups],
  [/^political militias?/, INTER.politicalMilitias],
  [/^(identity|communal|ethnic) militias?/, INTER.identityMilitias],
  [/^rioters?/, INTER.rioters],
  [/^protesters?/, INTER.protesters],
  [/^civilians?/, INTER.civilians],
  [/^(external|other)/, INTER.externalForces],
];

/** The inter code of a cell, whether `1`, `1.0` or `State forces`; undefined when unreadable. */
export function interCode(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (/^\d+(\.0*)?$/.test(v)) return Number(v);
  return INTER_BY_LABEL.find(([pattern]) => pattern.test(v))?.[1];
}

export function isStateForces(actor: string | undefined, inter: number | undefined): boolean {
  return inter === INTER.stateForces || (actor !== undefined && /^(military|police) forces of /i.test(actor));
}

/**
 * Who was hit, from the second actor. Police are told apart by name because ACLED codes them as
 * state forces like the army; everything that is not state or civilian is `other`.
 */
export function targetTypeFor(actor2: string | undefined, inter2: number | undefined): TargetType {
  if (actor2 !== undefined && /^police forces of /i.test(actor2)) return 'police';
  if (actor2 !== undefined && /^government of /i.test(actor2)) return 'government';
  if (isStateForces(actor2, inter2)) return 'security_forces';
  if (inter2 === INTER.civilians || (actor2 !== undefined && /^civilians\b/i.test(actor2))) return 'civilians';
  return 'other';
}
