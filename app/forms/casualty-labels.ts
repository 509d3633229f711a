/** Names of the casualty grid's cells: the accessible names of its inputs and of their errors. Framework-free. */
import { CASUALTY_LABELS, type CasualtyCategory } from '../../core/enums';

export type Side = 'killed' | 'injured';
export const SIDE_LABELS: Record<Side, string> = { killed: 'Killed', injured: 'Injured' };
export const BOUND_LABELS = { low: 'at least', high: 'up to' } as const;

/** "Killed — civilians, at least". */
export function casualtyLabel(side: Side, category: CasualtyCategory, bound: 'low' | 'high'): string {
  return `${SIDE_LABELS[side]} — ${CASUALTY_LABELS[category].toLowerCase()}, ${BOUND_LABELS[bound]}`;
}
