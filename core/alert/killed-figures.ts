/**
 * The killed figure an alert states. Figures may be missing ("not reported", null): they are left
 * out of the sum, never read as 0; a record where no figure was reported has `low: null`.
 */
import { CASUALTY_CATEGORIES } from '../enums';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';

export interface Killed {
  /** Sum of the reported "at least" figures; null when none was reported. */
  low: number | null;
  /** Sum of "up to" (or "at least" where no "up to") figures; null when none was reported. */
  high: number | null;
}

type Fig = { low: number | null; high: number | null } | null | undefined;

function add(figs: Fig[]): Killed {
  let low: number | null = null;
  let high: number | null = null;
  for (const f of figs) {
    if (!f || f.low === null || f.low === undefined) continue;
    low = (low ?? 0) + f.low;
    high = (high ?? 0) + (f.high ?? f.low);
  }
  return { low, high };
}

export function killedOf(entity: 'incident' | 'operation', r: Incident | Operation): Killed {
  if (entity === 'incident') {
    const killed = (r as Incident).casualties?.killed as Record<string, Fig> | undefined;
    return add(CASUALTY_CATEGORIES.map((c) => killed?.[c]));
  }
  const o = r as Operation as unknown as Record<string, number | null | undefined>;
  return add(
    [o.militantsKilled, o.securityKilled].map((n) => (n === null || n === undefined ? null : { low: n, high: null })),
  );
}

export const killedText = (k: Killed): string =>
  k.low === null
    ? 'killed not reported'
    : k.high !== null && k.high > k.low
      ? `${k.low}–${k.high} killed`
      : `${k.low} killed`;
