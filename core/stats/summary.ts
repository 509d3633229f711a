/** The KPI summary of a period, and the change against the previous period. */
import { CASUALTY_CATEGORIES, type CasualtyCategory } from '../enums';
import type { IncidentMeasures, OperationMeasures } from '../rollup/incident-rollup';
import { sumIncidentCells, sumOperationCells, type IncidentCell, type OperationCell } from './cells';
import type { CasualtySummary, Figures, Period, PeriodSummary, TriStateShare } from './stats-types';

function casualties(m: IncidentMeasures, side: 'killed' | 'injured'): CasualtySummary {
  const byCategory = {} as Record<CasualtyCategory, Figures>;
  const total: Figures = { low: 0, high: 0, missing: m[`${side}Missing`] };
  for (const c of CASUALTY_CATEGORIES) {
    const f = { low: m[`${side}Low_${c}`], high: m[`${side}High_${c}`], missing: m[`${side}Missing_${c}`] };
    byCategory[c] = f;
    total.low += f.low;
    total.high += f.high;
  }
  return { total, byCategory };
}

function share(yes: number, no: number, all: number): TriStateShare {
  return { yes, no, unknown: Math.max(0, all - yes - no), share: yes + no > 0 ? yes / (yes + no) : null };
}

export function summarise(period: Period, m: IncidentMeasures, o: OperationMeasures): PeriodSummary {
  return {
    from: period.from,
    to: period.to,
    incidents: m.incidents,
    incidentsWithHigh: m.withHigh,
    killed: casualties(m, 'killed'),
    injured: casualties(m, 'injured'),
    operations: {
      records: o.records,
      operations: o.operations,
      militantsKilled: o.militantsKilled,
      militantsArrested: o.militantsArrested,
      securityKilled: o.securityKilled,
      securityInjured: o.securityInjured,
      missing: {
        militantsKilled: o.militantsKilledMissing,
        militantsArrested: o.militantsArrestedMissing,
        securityKilled: o.securityKilledMissing,
        securityInjured: o.securityInjuredMissing,
      },
    },
    crossBorder: share(m.crossBorderYes, m.crossBorderNo, m.incidents),
    foreignNationals: share(m.foreignYes, m.foreignNo, m.incidents),
  };
}

export function summariseCells(
  period: Period,
  incidents: readonly IncidentCell[],
  operations: readonly OperationCell[],
): PeriodSummary {
  return summarise(period, sumIncidentCells(incidents), sumOperationCells(operations));
}

export interface PeriodChange {
  delta: number;
  /** Relative change; null when the previous value was 0 (no meaningful percentage). */
  ratio: number | null;
  direction: 'up' | 'down' | 'flat';
}

export function changeAgainst(current: number, previous: number): PeriodChange {
  const delta = current - previous;
  return {
    delta,
    ratio: previous === 0 ? null : delta / previous,
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
  };
}
