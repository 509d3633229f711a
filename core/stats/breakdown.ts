/**
 * Breakdowns by province, group, type or target. Groups keep the top N by incidents, fold the rest
 * into "others", and always show the "other named actors" row (the source names a perpetrator that
 * is none of our groups) and the unattributed ("unknown") row apart, never folded or ranked: how
 * much is unattributed is itself a finding.
 */
import {
  CASUALTY_CATEGORIES,
  INCIDENT_TYPE_INFO,
  PROVINCE_LABELS,
  TARGET_LABELS,
  type IncidentType,
  type Province,
  type TargetType,
} from '../enums';
import {
  groupFilterOfKey,
  OTHER_GROUP,
  OTHER_GROUP_LABEL,
  UNKNOWN_GROUP,
  UNKNOWN_GROUP_LABEL,
  zeroIncidentMeasures,
  type IncidentMeasures,
} from '../rollup/incident-rollup';
import { addIncidentMeasures, groupIncidentCells, type IncidentCell } from './cells';
import type { BreakdownDimension, BreakdownRow, Figures, StatsBreakdown } from './stats-types';

export const DEFAULT_TOP_GROUPS = 8;

const figures = (m: IncidentMeasures, side: 'killed' | 'injured'): Figures =>
  CASUALTY_CATEGORIES.reduce(
    (f, c) => ({ ...f, low: f.low + m[`${side}Low_${c}`], high: f.high + m[`${side}High_${c}`] }),
    { low: 0, high: 0, missing: m[`${side}Missing`] },
  );

const keyOf: Record<BreakdownDimension, (c: IncidentCell) => string | undefined> = {
  province: (c) => c.province,
  group: (c) => (c.groupKey === undefined ? undefined : groupFilterOfKey(c.groupKey)),
  type: (c) => c.type,
  target: (c) => c.targetType,
};

export function dimensionLabel(
  by: BreakdownDimension,
  key: string,
  groupNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (by === 'group')
    return key === UNKNOWN_GROUP
      ? UNKNOWN_GROUP_LABEL
      : key === OTHER_GROUP
        ? OTHER_GROUP_LABEL
        : (groupNames.get(key) ?? 'Unnamed group');
  if (by === 'province') return PROVINCE_LABELS[key as Province] ?? key;
  if (by === 'type') return INCIDENT_TYPE_INFO[key as IncidentType]?.label ?? key;
  return TARGET_LABELS[key as TargetType] ?? key;
}

function row(key: string, label: string, kind: BreakdownRow['kind'], m: IncidentMeasures, total: number): BreakdownRow {
  return {
    key,
    label,
    kind,
    incidents: m.incidents,
    killed: figures(m, 'killed'),
    injured: figures(m, 'injured'),
    share: total > 0 ? m.incidents / total : 0,
  };
}

/** Rows by incidents (then killed, then label), dropping empty cells. */
export function buildBreakdown(
  by: BreakdownDimension,
  cells: readonly IncidentCell[],
  opts: { top?: number; groupNames?: ReadonlyMap<string, string> } = {},
): Pick<StatsBreakdown, 'by' | 'rows' | 'total'> {
  const grouped = [...groupIncidentCells(cells, keyOf[by])].filter(([, m]) => m.incidents > 0);
  const all = grouped.reduce((acc, [, m]) => addIncidentMeasures(acc, m), zeroIncidentMeasures());
  const total = all.incidents;
  const rows = grouped
    .map(([key, m]) => ({ key, m, label: dimensionLabel(by, key, opts.groupNames) }))
    .sort(
      (a, b) =>
        b.m.incidents - a.m.incidents ||
        figures(b.m, 'killed').low - figures(a.m, 'killed').low ||
        a.label.localeCompare(b.label),
    );

  const out: BreakdownRow[] = [];
  if (by === 'group') {
    const top = opts.top ?? DEFAULT_TOP_GROUPS;
    const known = rows.filter((r) => r.key !== UNKNOWN_GROUP && r.key !== OTHER_GROUP);
    const other = rows.find((r) => r.key === OTHER_GROUP);
    const unknown = rows.find((r) => r.key === UNKNOWN_GROUP);
    for (const r of known.slice(0, top)) out.push(row(r.key, r.label, 'value', r.m, total));
    const rest = known.slice(top);
    if (rest.length > 0) {
      const m = rest.reduce((acc, r) => addIncidentMeasures(acc, r.m), zeroIncidentMeasures());
      out.push({ ...row('others', `Other groups (${rest.length})`, 'others', m, total), members: rest.length });
    }
    if (other) out.push(row(OTHER_GROUP, other.label, 'other', other.m, total));
    if (unknown) out.push(row(UNKNOWN_GROUP, unknown.label, 'unknown', unknown.m, total));
  } else {
    for (const r of rows) out.push(row(r.key, r.label, 'value', r.m, total));
  }
  return {
    by,
    rows: out,
    total: { incidents: total, killed: figures(all, 'killed'), injured: figures(all, 'injured') },
  };
}
