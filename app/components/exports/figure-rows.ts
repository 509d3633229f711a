/**
 * The overview's figures as CSV rows: each tile's numbers as the tile shows them, with the
 * previous period beside them. "Not reported" stays empty, never 0: a category no incident gives
 * has an empty "at least" cell and its count of incidents without a figure.
 */
import { CASUALTY_CATEGORIES, CASUALTY_LABELS } from '@/core/enums';
import type { CasualtySummary, Figures, PeriodSummary, StatsSummary, TriStateShare } from '@/core/stats/stats-types';
import type { Cell } from './download';

export const FIGURE_HEAD = [
  'Figure',
  'At least',
  'Up to',
  'Previous period (at least)',
  'Records without this figure',
  'From',
  'To',
];

const reported = (f: Figures, incidents: number): number | null =>
  f.missing > 0 && f.missing === incidents && f.low === 0 ? null : f.low;

export function figureRows(summary: StatsSummary): Cell[][] {
  const s = summary.current;
  const p = summary.previous;
  const period = [s.from ?? '', s.to];
  const row = (
    figure: string,
    low: number | null,
    high: number | null,
    prev: number | null,
    missing: number | null,
  ) => [figure, low, high, prev, missing, ...period];
  const casualties = (word: 'killed' | 'injured', label: string) => {
    const c: CasualtySummary = s[word];
    const pc = p?.[word];
    return [
      row(label, c.total.low, c.total.high, pc?.total.low ?? null, c.total.missing),
      ...CASUALTY_CATEGORIES.map((k) =>
        row(
          `${label}: ${CASUALTY_LABELS[k].toLowerCase()}`,
          reported(c.byCategory[k], s.incidents),
          reported(c.byCategory[k], s.incidents) === null ? null : c.byCategory[k].high,
          pc ? reported(pc.byCategory[k], p!.incidents) : null,
          c.byCategory[k].missing,
        ),
      ),
    ];
  };
  const share = (label: string, t: TriStateShare, prev: TriStateShare | undefined) => [
    row(`${label}: share where known`, t.share, null, prev?.share ?? null, t.unknown),
    row(`${label}: yes`, t.yes, null, prev?.yes ?? null, null),
    row(`${label}: no`, t.no, null, prev?.no ?? null, null),
  ];
  const o = s.operations;
  const po: PeriodSummary['operations'] | undefined = p?.operations;
  return [
    row('Incidents', s.incidents, null, p?.incidents ?? null, null),
    ...casualties('killed', 'Killed in incidents'),
    ...casualties('injured', 'Injured in incidents'),
    row('Operations', o.operations, null, po?.operations ?? null, null),
    row('Operation records', o.records, null, po?.records ?? null, null),
    row(
      'Militants killed in operations',
      o.militantsKilled,
      null,
      po?.militantsKilled ?? null,
      o.missing.militantsKilled,
    ),
    row(
      'Militants arrested in operations',
      o.militantsArrested,
      null,
      po?.militantsArrested ?? null,
      o.missing.militantsArrested,
    ),
    row(
      'Security forces killed in operations',
      o.securityKilled,
      null,
      po?.securityKilled ?? null,
      o.missing.securityKilled,
    ),
    row(
      'Security forces injured in operations',
      o.securityInjured,
      null,
      po?.securityInjured ?? null,
      o.missing.securityInjured,
    ),
    ...share('Cross-border origin', s.crossBorder, p?.crossBorder),
    ...share('Foreign nationals among attackers', s.foreignNationals, p?.foreignNationals),
  ];
}
