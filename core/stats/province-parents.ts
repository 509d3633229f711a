/**
 * A province breakdown with its parent rows: "Khyber Pakhtunkhwa (all)" sums KP and the KP merged
 * districts and sits above them (they follow, marked as its members). Sums of "at least" and "up
 * to" figures stay sums, so the parent row means what its members mean.
 */
import { PROVINCE_PARENTS } from '../enums';
import type { BreakdownRow } from './stats-types';

export type ProvinceRow = BreakdownRow & { parent?: boolean; member?: boolean };

export function withProvinceParents(rows: readonly BreakdownRow[]): ProvinceRow[] {
  const out: ProvinceRow[] = [];
  const placed = new Set<string>();
  for (const r of rows) {
    if (placed.has(r.key)) continue;
    const parent = PROVINCE_PARENTS.find((p) => (p.members as readonly string[]).includes(r.key));
    const members = parent ? rows.filter((x) => (parent.members as readonly string[]).includes(x.key)) : [];
    if (!parent || members.length < 2) {
      out.push(r);
      continue;
    }
    const sum = (f: (x: BreakdownRow) => number) => members.reduce((s, x) => s + f(x), 0);
    out.push({
      key: parent.members.join(','),
      label: parent.label,
      kind: 'value',
      incidents: sum((x) => x.incidents),
      killed: { low: sum((x) => x.killed.low), high: sum((x) => x.killed.high) },
      injured: { low: sum((x) => x.injured.low), high: sum((x) => x.injured.high) },
      share: sum((x) => x.share),
      parent: true,
    });
    for (const m of members) {
      out.push({ ...m, member: true });
      placed.add(m.key);
    }
  }
  return out;
}
