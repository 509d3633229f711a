/**
 * GTD (Global Terrorism Database, START) as a source adapter: the 135-column distribution and the
 * reduced extracts analysts pass around (a subset of its columns, codes or only their `_txt`
 * labels, no eventid). Columns by name. Rules in docs/adr/0022-import-framework.md:
 *
 * - every GTD event is an attack by a non-state perpetrator (category attack, ADR 0015's armed_attack);
 * - dates from iyear/imonth/iday; a day of 0 is unknown: the month, with its span; a month of 0
 *   the year, with its span (precision month, since the product has nothing coarser);
 * - type from attacktype1 (a bombing with suicide = 1 is a suicide bombing), target from targtype1;
 * - deaths: nkill is everyone killed, nkillter the perpetrators among them (militants); the rest are
 *   civilians when every target type says private citizens, security forces when every one says
 *   military or police, else not specified; nwound/nwoundte likewise; an empty nkill is not reported,
 *   nkillter above nkill refused, nwoundte above nwound leaves the injured not reported;
 * - gname (then gname2, gname3) kept verbatim and matched to groups through the aliases, except a
 *   suspected attribution (guncertain1 = 1), which is kept but credited to no group; `claimed` = 1;
 * - doubtterr, the attack/target/weapon labels and the other verbatim values in sourceFields;
 * - eventid is the source id; an extract without it is keyed by the row's content (and its repeat
 *   number among identical rows), so the same file re-imports in place.
 */
import { createHash } from 'node:crypto';
import type { Actor, Casualties } from '../common-schemas';
import {
  CASUALTY_CATEGORIES,
  type CasualtyCategory,
  type Country,
  type GeoPrecision,
  type IncidentType,
  type TargetType,
} from '../enums';
import { createIncidentInputAt } from '../incident/schema';
import { createGroupMatcher, isUnnamedActor } from './acled-group-match';
import { afghanBorderProvince, coveredCountry, normaliseProvince, placeOf } from './acled-place';
import { cleanLine, cleanNotes, parseCount, parseDecimal, present } from './acled-text';
import { indexColumns, rowOf, shownHeader } from './named-columns';
import type { RowOutcome, SourceAdapter, SourceImportOptions } from './source-adapter';
import { zodProblems } from './ucdp';

export const GTD_COLUMNS = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'approxdate',
  'extended',
  'resolution',
  'country',
  'country_txt',
  'provstate',
  'city',
  'latitude',
  'longitude',
  'specificity',
  'summary',
  'crit1',
  'crit2',
  'crit3',
  'doubtterr',
  'alternative_txt',
  'multiple',
  'success',
  'suicide',
  'attacktype1',
  'attacktype1_txt',
  'attacktype2',
  'attacktype2_txt',
  'attacktype3',
  'attacktype3_txt',
  'targtype1',
  'targtype1_txt',
  'targsubtype1_txt',
  'corp1',
  'target1',
  'targtype2',
  'targtype2_txt',
  'targtype3',
  'targtype3_txt',
  'gname',
  'gname2',
  'gname3',
  'guncertain1',
  'guncertain2',
  'guncertain3',
  'claimed',
  'claimmode_txt',
  'weaptype1',
  'weaptype1_txt',
  'weapsubtype1_txt',
  'nkill',
  'nkillus',
  'nkillter',
  'nwound',
  'nwoundus',
  'nwoundte',
  'property',
  'ishostkid',
  'nhostkid',
  'scite1',
  'scite2',
  'scite3',
  'dbsource',
  'related',
] as const;
export type GtdColumn = (typeof GTD_COLUMNS)[number];
export type GtdRow = Partial<Record<GtdColumn, string>>;

/** The GTD codebook's attack types, by code and by label. */
const ATTACK: ReadonlyArray<[string, RegExp, IncidentType]> = [
  ['1', /^assassination$/i, 'targeted_killing'],
  ['2', /^armed assault$/i, 'armed_assault'],
  ['3', /^bombing\/explosion$/i, 'ied_explosive'],
  ['4', /^hijacking$/i, 'other'],
  ['5', /^hostage taking \(barricade incident\)$/i, 'kidnapping'],
  ['6', /^hostage taking \(kidnapping\)$/i, 'kidnapping'],
  ['7', /^facility\/infrastructure attack$/i, 'infrastructure_sabotage'],
  ['8', /^unarmed assault$/i, 'other'],
  ['9', /^unknown$/i, 'other'],
];

/** The codebook's target types → the product's; `side` is whose deaths a target's are. */
const TARGET: ReadonlyArray<[string, RegExp, TargetType, CasualtyCategory | null]> = [
  ['1', /^business$/i, 'other', null],
  ['2', /^government \(general\)$/i, 'government', null],
  ['3', /^police$/i, 'police', 'security_forces'],
  ['4', /^military$/i, 'security_forces', 'security_forces'],
  ['5', /^abortion related$/i, 'other', null],
  ['6', /^airports & aircraft$/i, 'infrastructure', null],
  ['7', /^government \(diplomatic\)$/i, 'government', null],
  ['8', /^educational institution$/i, 'education', null],
  ['9', /^food or water supply$/i, 'infrastructure', null],
  ['10', /^journalists & media$/i, 'other', null],
  ['11', /^maritime$/i, 'infrastructure', null],
  ['12', /^ngo$/i, 'other', null],
  ['13', /^other$/i, 'other', null],
  ['14', /^private citizens & property$/i, 'civilians', 'civilians'],
  ['15', /^religious figures\/institutions$/i, 'religious', null],
  ['16', /^telecommunication$/i, 'infrastructure', null],
  ['17', /^terrorists\/non-state militias?$/i, 'other', null],
  ['18', /^tourists$/i, 'foreign_nationals', null],
  ['19', /^transportation$/i, 'infrastructure', null],
  ['20', /^unknown$/i, 'other', null],
  ['21', /^utilities$/i, 'infrastructure', null],
  ['22', /^violent political party$/i, 'other', null],
];

/** GTD country codes of the covered countries. */
const GTD_COUNTRY: Readonly<Record<string, Country>> = { '153': 'Pakistan', '4': 'Afghanistan' };
/** specificity: 1 the place itself; 2–3 the smallest region found; 4 the province; 5 the country. */
const GEO: Readonly<Record<string, GeoPrecision>> = {
  '1': 'exact',
  '2': 'district',
  '3': 'district',
  '4': 'province',
  '5': 'province',
};

export const GTD_SKIP_REASONS = ['country_not_covered', 'outside_border_region'] as const;

const code = (v: string | undefined) => present(v)?.replace(/\.0*$/, '');

function lookup<T extends readonly [string, RegExp, ...unknown[]]>(
  table: readonly T[],
  codeCell: string | undefined,
  label: string | undefined,
): T | undefined {
  const c = code(codeCell);
  if (c !== undefined) return table.find((t) => t[0] === c);
  const l = cleanLine(label);
  return l === undefined ? undefined : table.find((t) => t[1].test(l));
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

type GtdDate =
  { ok: true; at: string; until: string | null; precision: 'day' | 'month' } | { ok: false; reason: string };

/** iyear/imonth/iday, where 0 is unknown: an unknown day is the month, an unknown month the year. */
export function gtdDate(year: string | undefined, month: string | undefined, day: string | undefined): GtdDate {
  const y = Number(code(year));
  const m = Number(code(month) ?? '0');
  const d = Number(code(day) ?? '0');
  if (!Number.isInteger(y) || y < 1970 || y > 2100) return { ok: false, reason: `iyear "${year ?? ''}" is not a year` };
  if (!Number.isInteger(m) || m < 0 || m > 12) return { ok: false, reason: `imonth "${month}" is not 0 to 12` };
  if (m === 0) return { ok: true, at: `${y}-01-01`, until: `${y}-12-31`, precision: 'month' };
  if (!Number.isInteger(d) || d < 0 || d > lastDay(y, m))
    return { ok: false, reason: `iday "${day}" is not a day of ${y}-${pad(m)} (or 0 for unknown)` };
  if (d === 0)
    return { ok: true, at: `${y}-${pad(m)}-01`, until: `${y}-${pad(m)}-${lastDay(y, m)}`, precision: 'month' };
  return { ok: true, at: `${y}-${pad(m)}-${pad(d)}`, until: null, precision: 'day' };
}

type Split = { ok: true; figures: Casualties['killed'] } | { ok: false; reason: string };

/** A total, the perpetrators among it, and whose the rest are. */
export function gtdSplit(
  total: string | undefined,
  perpetrators: string | undefined,
  victims: CasualtyCategory,
  names: [string, string],
): Split {
  const figures = Object.fromEntries(
    CASUALTY_CATEGORIES.map((c) => [c, { low: null, high: null }]),
  ) as Casualties['killed'];
  const all = parseCount(total);
  const ter = parseCount(perpetrators);
  if (!all.ok) return { ok: false, reason: `${names[0]}: ${all.reason}` };
  if (!ter.ok) return { ok: false, reason: `${names[1]}: ${ter.reason}` };
  if (all.value === undefined) return { ok: true, figures }; // not reported
  if (ter.value === undefined) {
    figures.not_specified = { low: all.value, high: null };
    return { ok: true, figures };
  }
  if (ter.value > all.value) {
    // Deaths must add up: refused. Injured that do not (a handful of GTD rows) are not reported
    // rather than guessed; both cells stay in sourceFields.
    if (names[0] === 'nkill')
      return { ok: false, reason: `${names[1]} (${ter.value}) is more than ${names[0]} (${all.value})` };
    return { ok: true, figures };
  }
  figures.militants = { low: ter.value, high: null };
  // Perpetrators' deaths are militants'; nobody else's are (victims are never militants here).
  const rest = victims === 'militants' ? 'not_specified' : victims;
  figures[rest] = { low: all.value - ter.value, high: null };
  return { ok: true, figures };
}

const KEPT: readonly GtdColumn[] = [
  'doubtterr',
  'alternative_txt',
  'approxdate',
  'extended',
  'resolution',
  'specificity',
  'crit1',
  'crit2',
  'crit3',
  'multiple',
  'success',
  'suicide',
  'attacktype1_txt',
  'attacktype2_txt',
  'attacktype3_txt',
  'targtype1_txt',
  'targsubtype1_txt',
  'targtype2_txt',
  'targtype3_txt',
  'corp1',
  'target1',
  'guncertain1',
  'guncertain2',
  'guncertain3',
  'claimed',
  'claimmode_txt',
  'weaptype1_txt',
  'weapsubtype1_txt',
  'nkill',
  'nkillus',
  'nkillter',
  'nwound',
  'nwoundus',
  'nwoundte',
  'property',
  'ishostkid',
  'nhostkid',
  'dbsource',
  'related',
];

function kept(row: GtdRow): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const c of KEPT) {
    const v = cleanLine(row[c]);
    if (v === undefined) continue;
    out[c] = /^-?\d+(\.0+)?$/.test(v) ? Number(v) : v.slice(0, 2000);
  }
  return out;
}

const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  occurredAt: 'iyear/imonth/iday',
  province: 'provstate',
  place: 'city',
  latitude: 'latitude',
  longitude: 'longitude',
  summary: 'summary',
  sources: 'scite1',
  externalId: 'eventid',
};

/** Where a row is when the file has no country column (extracts of one country): by its province. */
function countryOf(row: GtdRow): Country | 'other' | undefined {
  const named = coveredCountry(cleanLine(row.country_txt), undefined, undefined);
  if (named !== undefined) return named;
  const c = code(row.country);
  if (c !== undefined) return GTD_COUNTRY[c] ?? 'other';
  const prov = cleanLine(row.provstate);
  if (prov === undefined) return undefined;
  if (normaliseProvince(prov) !== undefined) return 'Pakistan';
  if (afghanBorderProvince(prov) !== undefined) return 'Afghanistan';
  return undefined;
}

export function createGtdRowMapper(
  options: SourceImportOptions = {},
): (row: GtdRow, raw: readonly string[]) => RowOutcome {
  const matchGroup = createGroupMatcher(options.groups ?? []);
  const incidentInput = createIncidentInputAt(options.now?.() ?? new Date());
  const repeats = new Map<string, number>();
  return (row, raw) => {
    const nkill = parseCount(row.nkill);
    const deaths = nkill.ok ? (nkill.value ?? 0) : 0;
    const skip = (reason: string): RowOutcome => ({ kind: 'skip', reason, fatalities: deaths });
    const error = (message: string): RowOutcome => ({ kind: 'error', message, fatalities: deaths });

    // The source id: eventid, else the row's content and its repeat number (identical rows are
    // distinct events in an extract: GTD lists each attack of a coordinated series).
    let id = present(row.eventid)?.replace(/\.0*$/, '');
    if (id === undefined) {
      const digest = createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 20);
      const n = (repeats.get(digest) ?? 0) + 1;
      repeats.set(digest, n);
      id = `row-${digest}${n > 1 ? `-${n}` : ''}`;
    }

    const country = countryOf(row);
    if (country === undefined) return error('country_txt is missing (and provstate names no covered province)');
    if (country === 'other') return skip('country_not_covered');
    const prov = cleanLine(row.provstate);
    if (country === 'Afghanistan' && prov !== undefined && afghanBorderProvince(prov) === undefined)
      return skip('outside_border_region');

    const problems: string[] = [];
    const date = gtdDate(row.iyear, row.imonth, row.iday);
    if (!date.ok) problems.push(date.reason);
    const place = placeOf(country, prov, undefined);
    if (!place.ok) problems.push(place.reason.replace(/^admin1/, 'provstate'));
    const attack = lookup(ATTACK, row.attacktype1, row.attacktype1_txt);
    if (attack === undefined && (present(row.attacktype1) ?? present(row.attacktype1_txt)) !== undefined)
      problems.push(
        `attacktype1 "${present(row.attacktype1) ?? present(row.attacktype1_txt)}" is not a GTD attack type`,
      );
    const targets = (
      [
        [row.targtype1, row.targtype1_txt],
        [row.targtype2, row.targtype2_txt],
        [row.targtype3, row.targtype3_txt],
      ] as const
    )
      .map(([c, l]) => lookup(TARGET, c, l))
      .filter((t) => t !== undefined);
    const sides = new Set(targets.map((t) => t[3]));
    const victims: CasualtyCategory = sides.size === 1 ? ([...sides][0] ?? 'not_specified') : 'not_specified';
    const killed = gtdSplit(row.nkill, row.nkillter, victims, ['nkill', 'nkillter']);
    const injured = gtdSplit(row.nwound, row.nwoundte, victims, ['nwound', 'nwoundte']);
    if (!killed.ok) problems.push(killed.reason);
    if (!injured.ok) problems.push(injured.reason);
    const lat = parseDecimal(row.latitude);
    const lon = parseDecimal(row.longitude);
    if (!lat.ok) problems.push(`latitude: ${lat.reason}`);
    if (!lon.ok) problems.push(`longitude: ${lon.reason}`);
    const spec = code(row.specificity);
    const geoPrecision = spec === undefined ? 'district' : GEO[spec];
    if (geoPrecision === undefined) problems.push(`specificity "${spec}" is not 1 to 5`);
    if (problems.length > 0 || !date.ok || !place.ok || !killed.ok || !injured.ok || !geoPrecision)
      return error(problems.join('; '));
    const hasPoint = lat.ok && lon.ok && lat.value !== undefined && lon.value !== undefined;

    const suicide = code(row.suicide) === '1';
    let type: IncidentType = attack?.[2] ?? 'other';
    if (type === 'ied_explosive' && suicide) type = 'suicide_bombing';
    else if (type === 'ied_explosive' && /projectile|rocket|mortar/i.test(row.weapsubtype1_txt ?? ''))
      type = 'rocket_mortar_shelling';

    const perpetrators = (
      [
        [row.gname, row.guncertain1],
        [row.gname2, row.guncertain2],
        [row.gname3, row.guncertain3],
      ] as const
    )
      .map(([name, uncertain]) => ({ name: cleanLine(name), suspected: code(uncertain) === '1' }))
      .filter((p): p is { name: string; suspected: boolean } => p.name !== undefined);
    const actors: Actor[] = perpetrators.map((p) => ({
      role: 'perpetrator',
      name: p.name.slice(0, 300),
      inter: p.suspected ? 'suspected' : null,
    }));
    const first = perpetrators[0];
    const groupId = first && !first.suspected ? matchGroup([first.name]) : null;
    const parsed = incidentInput.safeParse({
      externalId: `gtd:${id}`,
      occurredAt: date.at,
      occurredUntil: date.until,
      timePrecision: date.precision,
      country: place.country,
      province: place.province,
      district: null,
      place: cleanLine(row.city)?.slice(0, 200) ?? null,
      latitude: hasPoint ? lat.value! : null,
      longitude: hasPoint ? lon.value! : null,
      geoPrecision,
      type,
      category: 'attack',
      targetType: targets[0]?.[2] ?? 'other',
      groupId,
      actors,
      claimed: code(row.claimed) === '1',
      casualties: { killed: killed.figures, injured: injured.figures },
      summary: cleanNotes(row.summary)?.slice(0, 5000) ?? null,
      sources: [row.scite1, row.scite2, row.scite3]
        .map((s) => cleanLine(s)?.slice(0, 200))
        .filter((s): s is string => s !== undefined)
        .map((name) => ({ name, url: null, publishedAt: null })),
      verification: 'reported',
      sourceFields: kept(row),
      synthetic: false,
    });
    if (!parsed.success) return error(zodProblems(parsed.error, COLUMN_OF_FIELD));
    const unmatched = groupId === null && first && !first.suspected && !isUnnamedActor(first.name) ? [first.name] : [];
    return { kind: 'incident', externalId: `gtd:${id}`, input: parsed.data, fatalities: deaths, unmatched };
  };
}

export const gtdAdapter: SourceAdapter = {
  format: 'gtd',
  label: 'GTD',
  openHeader(header, options) {
    const index = indexColumns(header, GTD_COLUMNS);
    const missing: string[] = (['iyear', 'imonth', 'iday', 'gname', 'nkill'] as const).filter(
      (c) => index[c] === undefined,
    );
    if (index.attacktype1 === undefined && index.attacktype1_txt === undefined) missing.push('attacktype1');
    if (missing.length > 0)
      return {
        ok: false,
        message: `not a GTD file: the header lacks ${missing.join(', ')} (found: ${shownHeader(header)})`,
      };
    const map = createGtdRowMapper(options);
    return { ok: true, mapRecord: (fields) => map(rowOf(index, fields), fields) };
  },
};
