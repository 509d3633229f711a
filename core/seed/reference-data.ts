/**
 * Reference rows every install starts with: the groups (reference-groups.ts), the published
 * figures and the timeline annotations from the seed news report (docs: shared/reference/facts.md).
 * Figures are kept as reported, with their kind of value, so "more than 75,000" never turns into a
 * plain 75,000 and a range never loses its top. Descriptions are our own words.
 */
import type { CreateAnnotationInput } from '../annotation/schema';
import type { CreateReferenceFigureInput } from '../reference-figure/schema';
import { SEED_ARTICLE } from './reference-groups';

export { REFERENCE_GROUPS, SEED_ARTICLE } from './reference-groups';

const DIPLOMAT = 'The Diplomat';
const UN_TEAM = 'UN Analytical Support and Sanctions Monitoring Team (report of December 2025)';

/** The day the seed report was published: the figures it does not date are "as reported" then. */
export const SEED_REPORTED_ON = '2026-01-17';

/**
 * The figures with the periods the report itself gives (shared/reference/facts.md), never one we
 * filled in: an undated figure has no period edges and reads "undated, reported 17 Jan 2026".
 * Metric strings are the seed's identity (core/seed/seed-reference.ts): keep them stable.
 */
export const REFERENCE_FIGURES: readonly CreateReferenceFigureInput[] = [
  {
    metric: 'Intelligence-based operations carried out by Pakistani security forces (more than)',
    valueKind: 'lower_bound',
    value: 75_000,
    unit: 'operations',
    valueText: 'more than 75,000',
    // "in 2025 alone"
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    periodLabel: '2025',
    reportedOn: SEED_REPORTED_ON,
    sourceName: SEED_ARTICLE,
    comparableTo: 'intelligenceBasedOperations',
  },
  {
    metric: 'Terrorists killed in intelligence-based operations',
    valueKind: 'exact',
    value: 2_597,
    unit: 'people',
    valueText: '2,597, including Afghan nationals',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    periodLabel: '2025',
    reportedOn: SEED_REPORTED_ON,
    sourceName: SEED_ARTICLE,
    comparableTo: 'militantsKilledInIntelligenceBasedOperations',
  },
  {
    metric: 'TTP fighters active in Afghanistan (estimate)',
    valueKind: 'range',
    value: 6_000,
    valueHigh: 6_500,
    unit: 'fighters',
    valueText: 'around 6,000–6,500',
    // "remain active": no date of its own.
    periodLabel: 'undated',
    reportedOn: SEED_REPORTED_ON,
    sourceName: DIPLOMAT,
    citedVia: SEED_ARTICLE,
  },
  {
    metric: 'Share of attacks in Pakistan reportedly involving Afghan nationals',
    valueKind: 'percent',
    value: 70,
    unit: '%',
    valueText: '70 %',
    // "now": no date of its own. Recorded data carries only a tri-state per incident, often
    // unknown; a side-by-side share would mislead, so this figure is not marked comparable.
    periodLabel: 'undated',
    reportedOn: SEED_REPORTED_ON,
    sourceName: DIPLOMAT,
    citedVia: SEED_ARTICLE,
  },
  {
    metric: 'International and regional terrorist organisations active in Afghanistan (more than)',
    valueKind: 'lower_bound',
    value: 20,
    unit: 'organisations',
    valueText: 'more than 20',
    periodStart: '2025-12-01',
    periodEnd: '2025-12-31',
    periodLabel: 'report released December 2025',
    reportedOn: SEED_REPORTED_ON,
    sourceName: UN_TEAM,
    citedVia: SEED_ARTICLE,
  },
  {
    metric:
      'Victims of terrorism in Pakistan since the start of the "War on Terror", civilians, children and security personnel (more than)',
    valueKind: 'lower_bound',
    value: 80_000,
    unit: 'people',
    valueText: 'more than 80,000',
    // The report names no start year and no end date.
    periodLabel: 'since the beginning of the "War on Terror", no end date',
    reportedOn: SEED_REPORTED_ON,
    sourceName: SEED_ARTICLE,
    // Not comparable to "killed": the report says "victims", which may include the injured.
    comparableTo: null,
  },
  {
    metric:
      'Economic cost of terrorism to Pakistan: infrastructure damage, lost investment and disruption (more than; a lower bound)',
    valueKind: 'money',
    value: 150e9,
    unit: 'USD',
    valueText: 'more than USD 150 billion (an estimate)',
    periodLabel: 'undated',
    reportedOn: SEED_REPORTED_ON,
    sourceName: SEED_ARTICLE,
  },
];

export const REFERENCE_ANNOTATIONS: readonly CreateAnnotationInput[] = [
  {
    date: '2021-08-01',
    datePrecision: 'month',
    kind: 'political',
    title: 'Taliban take power in Kabul',
    description:
      'The Taliban regain control of Afghanistan as NATO forces leave. Pakistan keeps its embassy in ' +
      'Kabul open and helps with evacuations and humanitarian appeals.',
    sourceName: SEED_ARTICLE,
  },
  {
    // The report dates this only to the year 2021.
    date: '2021-01-01',
    datePrecision: 'year',
    kind: 'diplomatic',
    title: 'Pakistan opens engagement with the new Taliban government',
    description:
      'Islamabad engages Kabul on the basis of the Doha agreement commitments, hoping for a stable ' +
      'neighbour; Pakistan later says the Taliban did not honour those commitments.',
    sourceName: SEED_ARTICLE,
  },
  {
    date: '2022-01-01',
    datePrecision: 'year',
    kind: 'diplomatic',
    title: 'Religious scholars led by Mufti Taqi Usmani meet the Taliban and TTP',
    description:
      'A delegation of ulema holds talks with both the Afghan Taliban and the TTP and comes away with ' +
      'promises that attacks on Pakistan will stop; the promises are not kept.',
    sourceName: SEED_ARTICLE,
  },
  {
    date: '2022-01-01',
    datePrecision: 'span',
    endDate: '2025-12-31',
    kind: 'diplomatic',
    title: 'Bilateral dialogue and regional mediation with Kabul',
    description:
      'Pakistan pursues talks with the Taliban government directly and through mediators, among them ' +
      'China, Russia and Gulf states, to curb attacks launched from Afghan soil.',
    sourceName: SEED_ARTICLE,
  },
  {
    date: '2025-01-01',
    datePrecision: 'year',
    kind: 'policy',
    title: '"2D strategy": deterrence combined with diplomacy',
    description:
      'With dialogue alone no longer trusted, Pakistan pairs military deterrence with diplomacy; ' +
      'Turkiye and Qatar help facilitate talks.',
    sourceName: SEED_ARTICLE,
  },
  {
    date: '2025-12-01',
    datePrecision: 'month',
    kind: 'report',
    title: 'UN monitors count more than 20 terrorist groups active in Afghanistan',
    description:
      'The UN Analytical Support and Sanctions Monitoring Team names TTP, ISIL-K, al Qaeda, ETIM/TIP and ' +
      'the IMU among them, and warns that the Taliban have taken former fighters of several groups into ' +
      'their local security forces.',
    sourceName: UN_TEAM,
  },
];
