/**
 * UCDP GED (Uppsala Conflict Data Program, Georeferenced Event Dataset) as a source adapter. Columns
 * by name, across releases: the current CSV (id, relid, type_of_violence, side_a, side_b,
 * date_prec, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low,
 * high, where_prec, adm_1, adm_2, …), releases that wrote `best_est`/`low_est`/`high_est`, upper-case
 * headers, and dates as `YYYY-MM-DD` or with a time (`2016-01-01 00:00:00.000`). Rules in
 * docs/adr/0022-import-framework.md:
 *
 * - who acted, like ACLED's table (docs/adr/0015): state-based (1) between a government and a group
 *   is a clash (militant side B); government against government is interstate; non-state (2) is an
 *   attack by side A; one-sided (3) by a group is an attack on civilians, by a government state
 *   violence;
 * - deaths by side: side A's are security forces when side A is a government, militants otherwise;
 *   side B's militants (security forces if a government; civilians in one-sided violence);
 *   deaths_civilians civilians; deaths_unknown not specified. The "at least" figures sum to `best`,
 *   the figure shown; the headroom up to `high` is the not-specified "up to", so the categories'
 *   range sums to UCDP's best–high; `best`, `low` and `high` are kept verbatim in sourceFields;
 * - date_prec 1 → day, 2–3 → week, 4–5 → month; a span (date_end after date_start) is kept;
 * - where_prec 1 → exact, 2 → near, 3 → district, 4 and beyond → province.
 */
import type { ZodError } from 'zod';
import type { Actor, Casualties } from '../common-schemas';
import {
  CASUALTY_CATEGORIES,
  type CasualtyCategory,
  type Country,
  type GeoPrecision,
  type TimePrecision,
} from '../enums';
import { fieldsFromZod } from '../errors';
import { createIncidentInputAt } from '../incident/schema';
import { parseAcledDate } from './acled-date';
import { createGroupMatcher, isUnnamedActor } from './acled-group-match';
import { afghanBorderProvince, coveredCountry, placeOf } from './acled-place';
import { cleanLine, parseCount, parseDecimal, present } from './acled-text';
import { indexColumns, rowOf, shownHeader, withoutAdminWord } from './named-columns';
import type { RowOutcome, SourceAdapter, SourceImportOptions } from './source-adapter';

export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'type_of_violence',
  'conflict_name',
  'dyad_name',
  'side_a',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_headline',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'country',
  'country_id',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'low',
  'high',
] as const;
export type UcdpColumn = (typeof UCDP_COLUMNS)[number];
export type UcdpRow = Partial<Record<UcdpColumn, string>>;

/** Names other releases used. */
const ALIASES: Readonly<Record<string, UcdpColumn>> = {
  best_est: 'best',
  low_est: 'low',
  high_est: 'high',
  best_estimate: 'best',
  low_estimate: 'low',
  high_estimate: 'high',
  event_id: 'id',
  ged_id: 'id',
  type: 'type_of_violence',
  startdate: 'date_start',
  enddate: 'date_end',
  adm1: 'adm_1',
  adm2: 'adm_2',
};

const REQUIRED: readonly UcdpColumn[] = ['id', 'type_of_violence', 'side_a', 'side_b', 'date_start', 'best'];

/** UCDP's country ids are Gleditsch–Ward numbers: 770 Pakistan, 700 Afghanistan. */
const GW: Readonly<Record<string, Country>> = { '770': 'Pakistan', '700': 'Afghanistan' };

const TIME: Readonly<Record<string, TimePrecision>> = {
  '1': 'day',
  '2': 'week',
  '3': 'week',
  '4': 'month',
  '5': 'month',
};
const GEO: Readonly<Record<string, GeoPrecision>> = {
  '1': 'exact',
  '2': 'near',
  '3': 'district',
  '4': 'province',
  '5': 'province',
  '6': 'province',
  '7': 'province',
};

export const UCDP_SKIP_REASONS = ['country_not_covered', 'outside_border_region', 'state_forces_only'] as const;

const isGovernment = (side: string) => /^government of /i.test(side);
const governmentCountry = (side: string) =>
  side
    .replace(/^government of /i, '')
    .split(',')[0]!
    .trim();

/** A side's actors: the whole cell, then each of a list UCDP joins with commas. */
const namesOf = (side: string | undefined): string[] =>
  side === undefined ? [] : side.includes(',') ? [side, ...side.split(/,\s*/)] : [side];

/** A code cell: `1`, `1.0` (a spreadsheet re-save). */
const code = (v: string | undefined) => present(v)?.replace(/\.0*$/, '');

/** Who acted and whose deaths are whose, by type of violence. */
type UcdpClass =
  | {
      outcome: 'incident';
      category: 'clash' | 'attack' | 'interstate' | 'state_violence';
      perpetrator: 'a' | 'b' | null;
    }
  | { outcome: 'skip'; reason: 'state_forces_only' }
  | { outcome: 'error'; message: string };

export function classifyUcdp(type: string | undefined, sideA: string, sideB: string): UcdpClass {
  const aGov = isGovernment(sideA);
  const bGov = isGovernment(sideB);
  if (type === '1') {
    if (aGov && bGov)
      return governmentCountry(sideA).toLowerCase() === governmentCountry(sideB).toLowerCase()
        ? { outcome: 'skip', reason: 'state_forces_only' }
        : { outcome: 'incident', category: 'interstate', perpetrator: null };
    // State-based: side A is the government; UCDP does not say who started the fighting.
    return { outcome: 'incident', category: 'clash', perpetrator: aGov ? 'b' : 'a' };
  }
  if (type === '2') return { outcome: 'incident', category: 'attack', perpetrator: 'a' };
  if (type === '3')
    return aGov
      ? { outcome: 'incident', category: 'state_violence', perpetrator: null }
      : { outcome: 'incident', category: 'attack', perpetrator: 'a' };
  return {
    outcome: 'error',
    message:
      type === undefined
        ? 'type_of_violence is missing'
        : `type_of_violence "${type}" is not 1 (state-based), 2 (non-state) or 3 (one-sided)`,
  };
}

/** Whose deaths a side's are: a government's are security forces, a group's militants. */
function sideCategory(side: string, type: string, which: 'a' | 'b'): CasualtyCategory {
  if (isGovernment(side)) return 'security_forces';
  if (type === '3' && which === 'b') return 'civilians';
  return 'militants';
}

type Counts = { ok: true; casualties: Casualties; best: number } | { ok: false; problems: string[]; best: number };

export function ucdpCasualties(row: UcdpRow, type: string): Counts {
  const problems: string[] = [];
  const read = (c: UcdpColumn) => {
    const r = parseCount(row[c]);
    if (!r.ok) problems.push(`${c}: ${r.reason}`);
    return r.ok ? r.value : undefined;
  };
  const best = read('best');
  const low = read('low');
  const high = read('high');
  const parts = {
    a: read('deaths_a'),
    b: read('deaths_b'),
    civilians: read('deaths_civilians'),
    unknown: read('deaths_unknown'),
  };
  const shown = best ?? 0;
  if (best === undefined && problems.length === 0)
    problems.push('best is missing (the death estimate UCDP gives every event)');
  if (low !== undefined && best !== undefined && low > best) problems.push(`low (${low}) is above best (${best})`);
  if (high !== undefined && best !== undefined && high < best) problems.push(`high (${high}) is below best (${best})`);
  const killed = Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, 0])) as Record<CasualtyCategory, number>;
  killed[sideCategory(row.side_a ?? '', type, 'a')] += parts.a ?? 0;
  killed[sideCategory(row.side_b ?? '', type, 'b')] += parts.b ?? 0;
  killed.civilians += parts.civilians ?? 0;
  killed.not_specified += parts.unknown ?? 0;
  const sum = (parts.a ?? 0) + (parts.b ?? 0) + (parts.civilians ?? 0) + (parts.unknown ?? 0);
  // Releases without the split (or a split short of best): the rest is not specified.
  if (best !== undefined && sum > best)
    problems.push(`deaths_a + deaths_b + deaths_civilians + deaths_unknown (${sum}) is more than best (${best})`);
  if (problems.length > 0) return { ok: false, problems, best: shown };
  killed.not_specified += shown - sum;
  const headroom = high !== undefined ? high - shown : 0;
  const side = (values: Record<CasualtyCategory, number> | null) =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((c) => [
        c,
        values === null
          ? { low: null, high: null }
          : { low: values[c], high: c === 'not_specified' && headroom > 0 ? values[c] + headroom : null },
      ]),
    ) as Casualties['killed'];
  // UCDP counts deaths only: injured are not reported.
  return { ok: true, casualties: { killed: side(killed), injured: side(null) }, best: shown };
}

const COLUMN_OF_FIELD: Readonly<Record<string, UcdpColumn>> = {
  occurredAt: 'date_start',
  occurredUntil: 'date_end',
  province: 'adm_1',
  district: 'adm_2',
  place: 'where_description',
  latitude: 'latitude',
  longitude: 'longitude',
  sources: 'source_article',
  externalId: 'id',
};

export function zodProblems(error: ZodError, columns: Readonly<Record<string, string>>): string {
  return Object.entries(fieldsFromZod(error))
    .map(([path, message]) => {
      const column = columns[path.split('.')[0]!];
      return `${path}${column ? ` (column ${column})` : ''}: ${message}`;
    })
    .join('; ');
}

/** Verbatim values the record has no column for (numbers as numbers, blanks left out). */
function kept(row: UcdpRow, columns: readonly UcdpColumn[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const c of columns) {
    const v = cleanLine(row[c]);
    if (v === undefined) continue;
    out[c] = /^\d+$/.test(v) ? Number(v) : v.slice(0, 2000);
  }
  return out;
}

export function createUcdpRowMapper(options: SourceImportOptions = {}): (row: UcdpRow) => RowOutcome {
  const matchGroup = createGroupMatcher(options.groups ?? []);
  const incidentInput = createIncidentInputAt(options.now?.() ?? new Date());
  return (row) => {
    const type = code(row.type_of_violence);
    const best = parseCount(row.best);
    const deaths = best.ok ? (best.value ?? 0) : 0;
    const skip = (reason: string): RowOutcome => ({ kind: 'skip', reason, fatalities: deaths });
    const error = (message: string): RowOutcome => ({ kind: 'error', message, fatalities: deaths });

    const country = coveredCountry(cleanLine(row.country), undefined, undefined) ?? GW[code(row.country_id) ?? ''];
    if (country === undefined) return error('country is missing');
    if (country === 'other') return skip('country_not_covered');
    const adm1 = withoutAdminWord(cleanLine(row.adm_1), /\s+province$/i);
    if (country === 'Afghanistan' && adm1 !== undefined && afghanBorderProvince(adm1) === undefined)
      return skip('outside_border_region');

    const sideA = cleanLine(row.side_a) ?? '';
    const sideB = cleanLine(row.side_b) ?? '';
    const klass = classifyUcdp(type, sideA, sideB);
    if (klass.outcome === 'error') return error(klass.message);
    if (klass.outcome === 'skip') return skip(klass.reason);

    const problems: string[] = [];
    const id = present(row.id)?.replace(/\.0*$/, '');
    if (id === undefined) problems.push('id is missing');
    if (sideA === '') problems.push('side_a is missing');
    if (sideB === '') problems.push('side_b is missing');
    const start = parseAcledDate(present(row.date_start));
    if (!start.ok) problems.push(`date_start: ${start.reason}`);
    const endCell = present(row.date_end);
    const end = endCell === undefined ? undefined : parseAcledDate(endCell);
    if (end && !end.ok) problems.push(`date_end: ${end.reason}`);
    const datePrec = code(row.date_prec);
    const timePrecision = datePrec === undefined ? 'day' : TIME[datePrec];
    if (timePrecision === undefined) problems.push(`date_prec "${datePrec}" is not 1 to 5`);
    const wherePrec = code(row.where_prec);
    const geoPrecision = wherePrec === undefined ? 'district' : GEO[wherePrec];
    if (geoPrecision === undefined) problems.push(`where_prec "${wherePrec}" is not 1 to 7`);
    const place = placeOf(country, adm1, withoutAdminWord(cleanLine(row.adm_2), /\s+(district|agency|tehsil)$/i));
    if (!place.ok) problems.push(place.reason.replace(/^admin1/, 'adm_1'));
    const lat = parseDecimal(row.latitude);
    const lon = parseDecimal(row.longitude);
    if (!lat.ok) problems.push(`latitude: ${lat.reason}`);
    if (!lon.ok) problems.push(`longitude: ${lon.reason}`);
    const counts = ucdpCasualties(row, type!);
    if (!counts.ok) problems.push(...counts.problems);
    if (problems.length > 0 || !start.ok || !place.ok || !counts.ok || !timePrecision || !geoPrecision)
      return error(problems.join('; '));
    const hasPoint = lat.ok && lon.ok && lat.value !== undefined && lon.value !== undefined;

    const actors: Actor[] = [
      { role: 'actor1', name: sideA, inter: null },
      { role: 'actor2', name: sideB, inter: null },
    ];
    const perpetrator = klass.perpetrator === 'a' ? sideA : klass.perpetrator === 'b' ? sideB : undefined;
    const groupId = perpetrator === undefined ? null : matchGroup(namesOf(perpetrator));
    const target = klass.perpetrator === 'b' ? sideA : sideB;
    const parsed = incidentInput.safeParse({
      externalId: `ucdp:${id}`,
      occurredAt: start.date,
      occurredUntil: end?.ok && end.date > start.date ? end.date : null,
      timePrecision,
      country: place.country,
      province: place.province,
      district: place.district,
      place: cleanLine(row.where_description)?.slice(0, 200) ?? null,
      latitude: hasPoint ? lat.value! : null,
      longitude: hasPoint ? lon.value! : null,
      geoPrecision,
      type: klass.category === 'interstate' ? 'cross_border' : klass.category === 'clash' ? 'clash' : 'armed_assault',
      category: klass.category,
      targetType: isGovernment(target) ? 'security_forces' : /^civilians$/i.test(target) ? 'civilians' : 'other',
      groupId,
      actors,
      casualties: counts.casualties,
      summary: null,
      sources: (cleanLine(row.source_article) ?? '')
        .split(';')
        .map((s) => s.trim().slice(0, 200))
        .filter((s) => s !== '')
        .slice(0, 50)
        .map((name) => ({ name, url: null, publishedAt: null })),
      verification: 'reported',
      sourceFields: kept(row, [
        'relid',
        'conflict_name',
        'dyad_name',
        'type_of_violence',
        'date_prec',
        'where_prec',
        'event_clarity',
        'deaths_a',
        'deaths_b',
        'deaths_civilians',
        'deaths_unknown',
        'best',
        'low',
        'high',
      ]),
      synthetic: false,
    });
    if (!parsed.success) return error(zodProblems(parsed.error, COLUMN_OF_FIELD));
    const unmatched =
      groupId === null && perpetrator !== undefined && !isUnnamedActor(perpetrator) && !isGovernment(perpetrator)
        ? [perpetrator]
        : [];
    return { kind: 'incident', externalId: `ucdp:${id}`, input: parsed.data, fatalities: deaths, unmatched };
  };
}

export const ucdpAdapter: SourceAdapter = {
  format: 'ucdp',
  label: 'UCDP GED',
  openHeader(header, options) {
    const index = indexColumns(header, UCDP_COLUMNS, ALIASES);
    const missing = REQUIRED.filter((c) => index[c] === undefined);
    if (missing.length > 0)
      return {
        ok: false,
        message: `not a UCDP GED file: the header lacks ${missing.join(', ')} (found: ${shownHeader(header)})`,
      };
    const map = createUcdpRowMapper(options);
    return { ok: true, mapRecord: (fields) => map(rowOf(index, fields)) };
  },
};
