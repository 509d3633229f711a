/**
 * One ACLED record to an incident, an operation, a skip with a reason, or an error naming what is
 * wrong. Pure: no I/O, no clock; the same row always maps the same way, so re-imports are stable.
 *
 * Order matters: scope decisions (country, event family) come before field checks, so a Benin
 * protest with an odd date is skipped as out of scope rather than reported as broken.
 */
import type { ZodError } from 'zod';
import type { Source } from '../common-schemas';
import type { Country, GeoPrecision, OperationKind, TimePrecision } from '../enums';
import { fieldsFromZod } from '../errors';
import { createIncidentInputAt, type IncidentFields } from '../incident/schema';
import { createOperationInputAt, type OperationFields } from '../operation/schema';
import { INTER, interCode, isStateForces, targetTypeFor } from './acled-actors';
import type { AcledColumn, AcledRow } from './acled-columns';
import { parseAcledDate } from './acled-date';
import { eventFamily, incidentTypeFor } from './acled-event-type';
import { createGroupMatcher, type GroupMatcher, type ImportGroup } from './acled-group-match';
import { coveredCountry, placeOf } from './acled-place';
import { cleanLine, cleanNotes, parseCount, parseDecimal, present } from './acled-text';

export const SKIP_REASONS = ['country_not_covered', 'protest_or_riot', 'strategic_development'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface AcledImportOptions {
  /** Import `Strategic developments` arrests by state forces as operations (default: skip them). */
  operations?: boolean;
  /** Known groups; actors are matched against their names and aliases. */
  groups?: readonly ImportGroup[];
  /** The clock rows are checked against (no event after now); the import's start by default. */
  now?: () => Date;
}

export type AcledRowOutcome =
  | { kind: 'incident'; externalId: string; input: IncidentFields }
  | { kind: 'operation'; externalId: string; input: OperationFields }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'error'; message: string };

const TIME_PRECISION: Readonly<Record<string, TimePrecision>> = { '1': 'day', '2': 'week', '3': 'month' };
const GEO_PRECISION: Readonly<Record<string, GeoPrecision>> = { '1': 'exact', '2': 'near', '3': 'district' };

/** Which ACLED column a schema field came from, so an error points at the cell to fix. */
const COLUMN_OF_FIELD: Readonly<Record<string, AcledColumn>> = {
  occurredAt: 'event_date',
  province: 'admin1',
  district: 'admin2',
  place: 'location',
  latitude: 'latitude',
  longitude: 'longitude',
  casualties: 'fatalities',
  summary: 'notes',
  sources: 'source',
  externalId: 'event_id_cnty',
  agency: 'actor1',
};

function zodMessage(error: ZodError): string {
  return Object.entries(fieldsFromZod(error))
    .map(([path, message]) => {
      const column = COLUMN_OF_FIELD[path.split('.')[0]!];
      return `${path}${column ? ` (column ${column})` : ''}: ${message}`;
    })
    .join('; ');
}

/** Fields incidents and operations share, read and checked once. */
interface Common {
  externalId: string;
  occurredAt: string;
  timePrecision: TimePrecision;
  country: Country;
  province: IncidentFields['province'];
  district: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision;
  summary: string | null;
  sources: Source[];
}

function readCommon(row: AcledRow, country: Country): { ok: true; value: Common } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const eventId = present(row.event_id_cnty);
  if (eventId === undefined) problems.push('event_id_cnty is missing');
  const date = parseAcledDate(present(row.event_date));
  if (!date.ok) problems.push(`event_date: ${date.reason}`);
  const place = placeOf(country, cleanLine(row.admin1), cleanLine(row.admin2));
  if (!place.ok) problems.push(place.reason);

  const timeCell = present(row.time_precision);
  const timePrecision = timeCell === undefined ? 'day' : TIME_PRECISION[timeCell.replace(/\.0*$/, '')];
  if (timePrecision === undefined) problems.push(`time_precision "${timeCell}" is not 1, 2 or 3`);
  const geoCell = present(row.geo_precision);
  const geoPrecision = geoCell === undefined ? 'district' : GEO_PRECISION[geoCell.replace(/\.0*$/, '')];
  if (geoPrecision === undefined) problems.push(`geo_precision "${geoCell}" is not 1, 2 or 3`);

  const lat = parseDecimal(row.latitude);
  const lon = parseDecimal(row.longitude);
  if (!lat.ok) problems.push(`latitude: ${lat.reason}`);
  if (!lon.ok) problems.push(`longitude: ${lon.reason}`);
  // A half-known point is no point: keep both or neither (the schema insists on the pair).
  const hasPoint = lat.ok && lon.ok && lat.value !== undefined && lon.value !== undefined;

  if (problems.length > 0 || !date.ok || !place.ok || eventId === undefined || !timePrecision || !geoPrecision)
    return { ok: false, problems };
  const sources = (present(row.source) ?? '')
    .split(';')
    .map((s) => cleanLine(s))
    .filter((s): s is string => s !== undefined)
    .map((name) => ({ name, url: null, publishedAt: null }));
  return {
    ok: true,
    value: {
      externalId: `acled:${eventId}`,
      occurredAt: date.date,
      timePrecision,
      country: place.country,
      province: place.province,
      district: place.district,
      place: cleanLine(row.location) ?? null,
      latitude: hasPoint ? lat.value! : null,
      longitude: hasPoint ? lon.value! : null,
      geoPrecision,
      summary: cleanNotes(row.notes) ?? null,
      sources,
    },
  };
}

const ARREST_WORDS = /\b(arrest\w*|apprehend\w*|detain\w*|nabbed)\b/i;

/**
 * Only arrests by state forces of people who are not protesters, rioters or civilians count as
 * counter-terrorism operations; ACLED's "Arrests" also covers politicians and demonstrators.
 */
function isCounterTerrorArrest(row: AcledRow, notes: string | undefined): boolean {
  const sub = present(row.sub_event_type);
  const arrest = sub !== undefined ? sub.toLowerCase() === 'arrests' : notes !== undefined && ARREST_WORDS.test(notes);
  const actor1 = cleanLine(row.actor1);
  const actor2 = cleanLine(row.actor2);
  const inter2 = interCode(present(row.inter2));
  const nonMilitantTarget =
    inter2 === INTER.rioters ||
    inter2 === INTER.protesters ||
    inter2 === INTER.civilians ||
    (actor2 !== undefined && /^(protesters|rioters|civilians)\b/i.test(actor2));
  return arrest && isStateForces(actor1, interCode(present(row.inter1))) && !nonMilitantTarget;
}

function operationKind(notes: string | undefined): OperationKind {
  return notes !== undefined && /\b(search\w*|cordon\w*|raid\w*)\b/i.test(notes) ? 'cordon_and_search' : 'other';
}

export function createAcledRowMapper(options: AcledImportOptions = {}): (row: AcledRow) => AcledRowOutcome {
  const matchGroup: GroupMatcher = createGroupMatcher(options.groups ?? []);
  const now = options.now?.() ?? new Date();
  const incidentInput = createIncidentInputAt(now);
  const operationInput = createOperationInputAt(now);

  return (row) => {
    const country = coveredCountry(cleanLine(row.country), present(row.iso), present(row.iso3));
    if (country === undefined) return { kind: 'error', message: 'country is missing' };
    if (country === 'other') return { kind: 'skip', reason: 'country_not_covered' };

    const eventType = cleanLine(row.event_type);
    if (eventType === undefined) return { kind: 'error', message: 'event_type is missing' };
    const family = eventFamily(eventType);
    if (family === undefined)
      return { kind: 'error', message: `event_type "${eventType}" is not an ACLED event type this importer knows` };
    if (family === 'protest_or_riot') return { kind: 'skip', reason: 'protest_or_riot' };

    const notes = cleanNotes(row.notes);
    if (family === 'strategic' && !(options.operations && isCounterTerrorArrest(row, notes)))
      return { kind: 'skip', reason: 'strategic_development' };

    const common = readCommon(row, country);
    const fatalities = parseCount(row.fatalities);
    const problems = common.ok ? [] : [...common.problems];
    if (!fatalities.ok) problems.push(`fatalities: ${fatalities.reason}`);
    if (!common.ok || !fatalities.ok) return { kind: 'error', message: problems.join('; ') };

    const actor1 = cleanLine(row.actor1);
    const actor2 = cleanLine(row.actor2);
    const inter1 = interCode(present(row.inter1));
    const inter2 = interCode(present(row.inter2));

    if (family === 'strategic') {
      const parsed = operationInput.safeParse({
        ...common.value,
        kind: operationKind(notes),
        agency: actor1 ?? null,
        // The arrested side: ACLED puts the state first in an arrest.
        groupId: matchGroup([actor2, cleanLine(row.assoc_actor_2)]),
        count: 1,
        // Notes give numbers in prose only ("over a 100 suspects"); a guess would pollute totals.
        militantsKilled: 0,
        militantsArrested: 0,
        securityKilled: 0,
        securityInjured: 0,
        verification: 'reported',
        synthetic: false,
      });
      if (!parsed.success) return { kind: 'error', message: zodMessage(parsed.error) };
      return { kind: 'operation', externalId: common.value.externalId, input: parsed.data };
    }

    // The perpetrator is side 1, unless side 1 is the state (an army raid on TTP is a TTP clash).
    const perpetrators = [actor1, cleanLine(row.assoc_actor_1)];
    if (isStateForces(actor1, inter1)) perpetrators.push(actor2, cleanLine(row.assoc_actor_2));
    const parsed = incidentInput.safeParse({
      ...common.value,
      type: incidentTypeFor(family, present(row.sub_event_type), notes),
      targetType: targetTypeFor(actor2, inter2),
      groupId: matchGroup(perpetrators),
      claimed: false,
      crossBorder: 'unknown',
      foreignNationals: 'unknown',
      // ACLED does not split fatalities by side, and gives no injured count.
      casualties: { killed: { not_specified: { low: fatalities.value ?? 0, high: null } } },
      verification: 'reported',
      synthetic: false,
    });
    if (!parsed.success) return { kind: 'error', message: zodMessage(parsed.error) };
    return { kind: 'incident', externalId: common.value.externalId, input: parsed.data };
  };
}

/** Maps one row; build a mapper with createAcledRowMapper when mapping many (it indexes groups once). */
export function mapAcledRow(row: AcledRow, options: AcledImportOptions = {}): AcledRowOutcome {
  return createAcledRowMapper(options)(row);
}
