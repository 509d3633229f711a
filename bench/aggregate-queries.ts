/**
 * The five dashboard aggregates as HTTP requests, and the equivalent raw GROUP BY over the
 * incident (and operation) tables: same period, same measures, no rollups. The raw queries are the
 * baseline: what the page would cost without the rollups.
 */
import { CASUALTY_CATEGORIES } from '../core/enums';

export interface AggregateCase {
  name: string;
  path: string;
  /** Raw SQL statements, run concurrently (the API also reads incidents and operations in parallel). */
  raw: string[];
  /** Measured for comparison, not judged against the target (its met column reads n/a). */
  information?: string;
}

const live = `retracted_at IS NULL AND occurred_at < now()`;
const low = (side: string) => CASUALTY_CATEGORIES.map((c) => `${side}_${c}_low`);
const high = (side: string) => CASUALTY_CATEGORIES.map((c) => `coalesce(${side}_${c}_high, ${side}_${c}_low)`);
const sums = (exprs: string[]) => exprs.map((e) => `sum(${e})`).join(', ');
const total = (exprs: string[]) => `sum(${exprs.join(' + ')})`;

const summaryMeasures = [
  'count(*)',
  sums([...low('killed'), ...high('killed'), ...low('injured'), ...high('injured')]),
  `count(*) FILTER (WHERE ${CASUALTY_CATEGORIES.flatMap((c) => [`killed_${c}_high IS NOT NULL`, `injured_${c}_high IS NOT NULL`]).join(' OR ')})`,
  `count(*) FILTER (WHERE cross_border = 'yes')`,
  `count(*) FILTER (WHERE cross_border = 'no')`,
  `count(*) FILTER (WHERE foreign_nationals = 'yes')`,
  `count(*) FILTER (WHERE foreign_nationals = 'no')`,
].join(', ');

const operationSummary = `SELECT count(*), sum(count), sum(militants_killed), sum(militants_arrested), sum(security_killed), sum(security_injured) FROM operations WHERE ${live}`;
const seriesMeasures = `count(*), ${sums([...low('killed'), ...low('injured')])}, ${total(high('killed'))}, ${total(high('injured'))}`;
const breakdownMeasures = `count(*), ${total(low('killed'))}, ${total(high('killed'))}, ${total(low('injured'))}, ${total(high('injured'))}`;
const ninetyDays = `occurred_at >= now() - interval '90 days'`;

export const AGGREGATE_CASES: AggregateCase[] = [
  {
    name: 'aggregates.summary',
    path: '/api/stats/summary?range=all',
    raw: [`SELECT ${summaryMeasures} FROM incidents WHERE ${live}`, operationSummary],
  },
  {
    // The all-time series as the overview asks for it: no bucket, so month beyond a year (chooseBucket).
    name: 'aggregates.timeseries.all',
    path: '/api/stats/timeseries?range=all',
    raw: [
      `SELECT date_trunc('month', occurred_at) AS m, type, ${seriesMeasures} FROM incidents WHERE ${live} GROUP BY 1, 2`,
      `SELECT date_trunc('month', occurred_at) AS m, sum(count) FROM operations WHERE ${live} GROUP BY 1`,
    ],
  },
  {
    name: 'aggregates.timeseries.all.week',
    path: '/api/stats/timeseries?range=all&bucket=week',
    raw: [
      `SELECT date_trunc('week', occurred_at) AS w, type, ${seriesMeasures} FROM incidents WHERE ${live} GROUP BY 1, 2`,
      `SELECT date_trunc('week', occurred_at) AS w, sum(count) FROM operations WHERE ${live} GROUP BY 1`,
    ],
    information:
      'information: the all-time series by week when a caller asks for it (523 points, ~350 KB); the overview reads month (the row above)',
  },
  {
    name: 'aggregates.timeseries.90d',
    path: '/api/stats/timeseries?range=90d&bucket=week',
    raw: [
      `SELECT date_trunc('week', occurred_at) AS w, type, ${seriesMeasures} FROM incidents WHERE ${live} AND ${ninetyDays} GROUP BY 1, 2`,
      `SELECT date_trunc('week', occurred_at) AS w, sum(count) FROM operations WHERE ${live} AND ${ninetyDays} GROUP BY 1`,
    ],
  },
  {
    name: 'aggregates.breakdown.province',
    path: '/api/stats/breakdown?by=province&range=all',
    raw: [`SELECT province, ${breakdownMeasures} FROM incidents WHERE ${live} GROUP BY 1`],
  },
  {
    name: 'aggregates.breakdown.group',
    path: '/api/stats/breakdown?by=group&range=all',
    raw: [`SELECT group_id, ${breakdownMeasures} FROM incidents WHERE ${live} GROUP BY 1`],
  },
];
