/**
 * One ACLED record to an incident, an operation, a skip with a reason, or an error naming what is
 * wrong. Pure: no I/O, no clock; the same row always maps the same way, so re-imports are stable.
 *
 * Order matters: scope decisions (country, event family) come before field checks, so a Benin
 * protest with an odd date is skipped as out of scope rather than reported as broken.
 */
import { DEFAULT_REPORT_ZONE } from '../time/report-zone';
import type { ZodError } from 'zod';
import type { Actor, Source } from '../common-schemas';
import type { Country, GeoPrecision, OperationKind, TimePrecision } from '../enums';
import { fieldsFromZod } from '../errors';
import { createIncidentInputAt, type IncidentFields } from '../incident/schema';
import { createOperationInputAt, type OperationFields } from '../operation/schema';
import { interCode, targetTypeFor } from './acled-actors';
import { classifyAcledRow, type ViolentFamily } from './acled-classify';
import type { AcledColumn, AcledRow } from './acled-columns';
import { parseAcledDate } from './acled-date';
import { eventFamily, incidentTypeFor } from './acled-event-type';
import { createGroupMatcher, isUnnamedActor, type GroupMatcher } from './acled-group-match';
import type { SourceImportOptions } from './source-adapter';
import { afghanBorderProvince, coveredCountry, placeOf } from './acled-place';
import { cleanLine, cleanNotes, parseCount, parseDecimal, present } from './acled-text';
import { acledCasualties, acledVictims, exportedCasualties } from './acled-casualties';

export const SKIP_REASONS = [
  'country_not_covered',
  /** Afghan events outside the provinces that border Pakistan. */
  'outside_border_region',
  'protest_or_riot',
  'strategic_development',
  /** An operation by the table, in an import that did not ask for operations. */
  'operation_not_requested',
  /** Both sides are one state's forces (a mutiny, friendly fire): neither militant nor interstate. */
  'state_forces_only',
  /** Neither side is armed (civilians alone). */
  'no_armed_actor',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** `operations`: import `Strategic developments` arrests and state strikes as operations (default: skip them). */
export type AcledImportOptions = SourceImportOptions;

/** Every outcome carries the row's fatalities (0 where unreadable), for the report's death tally. */
export type AcledRowOutcome =
  | { kind: 'incident'; externalId: string; input: IncidentFields; fatalities: number; unmatched: string[] }
  | { kind: 'operation'; externalId: string; input: OperationFields; fatalities: number; unmatched: string[] }
  | { kind: 'skip'; reason: SkipReason; fatalities: number }
  | { kind: 'error'; message: string; fatalities: number };

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
  const clock = present(row.time_of_day);
  if (clock !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(clock))
    problems.push(`time_of_day "${clock}" is not a time HH:MM`);
  const timePrecision =
    clock !== undefined ? 'exact' : timeCell === undefined ? 'day' : TIME_PRECISION[timeCell.replace(/\.0*$/, '')];
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
      // A local date (and time) of the reporting zone: the record kinds anchor it there.
      occurredAt: clock !== undefined ? `${date.date}T${clock}` : date.date,
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

const AIR = /\b(air ?strikes?|drones?|air raids?|jets?|helicopter gunships?)\b/i;

/** The kind of a state's action: a strike from the air, a raid or search, else other. */
function operationKind(subEventType: string | undefined, notes: string | undefined): OperationKind {
  const sub = subEventType?.toLowerCase();
  if (sub === 'air/drone strike' || (sub === undefined && notes !== undefined && AIR.test(notes))) return 'air_strike';
  return notes !== undefined && /\b(search\w*|cordon\w*|raid\w*)\b/i.test(notes) ? 'cordon_and_search' : 'other';
}

/** "Military Forces of Pakistan (2013-2018) Frontier Corps" → "Military Forces of Pakistan Frontier Corps". */
export function agencyOf(actor: string | undefined): string | null {
  if (actor === undefined) return null;
  return actor.replace(/\s*\(\d{4}-(?:\d{4})?\)\s*/g, ' ').trim() || null;
}

/** The actors of a row, verbatim, with their roles; a side's inter code is kept as written. */
export function actorsOf(row: AcledRow): Actor[] {
  const out: Actor[] = [];
  const add = (role: Actor['role'], name: string | undefined, inter: string | undefined) => {
    if (name !== undefined) out.push({ role, name, inter: inter ?? null });
  };
  add('actor1', cleanLine(row.actor1), present(row.inter1));
  add('assoc_actor_1', cleanLine(row.assoc_actor_1), undefined);
  add('actor2', cleanLine(row.actor2), present(row.inter2));
  add('assoc_actor_2', cleanLine(row.assoc_actor_2), undefined);
  return out;
}

/** Named actors of a side that matched no group (ACLED's "X and/or Y" and unidentified ones aside). */
function unmatchedNames(cells: ReadonlyArray<string | undefined>, groupId: string | null): string[] {
  if (groupId !== null) return [];
  return cells
    .flatMap((c) => (c === undefined ? [] : c.split(';')))
    .map((n) => n.trim())
    .filter(
      (n) =>
        n !== '' &&
        !isUnnamedActor(n) &&
        !/\band\/or\b/i.test(n) &&
        !/^(civilians|protesters|rioters)\b|^(military|police) forces of |^government of /i.test(n),
    );
}

/** The side's actor cells (the main actor, then its associates). */
const cellsOf = (row: AcledRow, side: 1 | 2) =>
  side === 1
    ? [cleanLine(row.actor1), cleanLine(row.assoc_actor_1)]
    : [cleanLine(row.actor2), cleanLine(row.assoc_actor_2)];

export function createAcledRowMapper(options: AcledImportOptions = {}): (row: AcledRow) => AcledRowOutcome {
  const matchGroup: GroupMatcher = createGroupMatcher(options.groups ?? []);
  const now = options.now?.() ?? new Date();
  const zone = options.reportZone ?? DEFAULT_REPORT_ZONE;
  const incidentInput = createIncidentInputAt(now, zone);
  const operationInput = createOperationInputAt(now, zone);

  return (row) => {
    // Every outcome carries the row's fatalities, so the report accounts for every death.
    const fatalities = parseCount(row.fatalities);
    const deaths = fatalities.ok ? (fatalities.value ?? 0) : 0;
    const skip = (reason: SkipReason): AcledRowOutcome => ({ kind: 'skip', reason, fatalities: deaths });
    const error = (message: string): AcledRowOutcome => ({ kind: 'error', message, fatalities: deaths });

    const country = coveredCountry(cleanLine(row.country), present(row.iso), present(row.iso3));
    if (country === undefined) return error('country is missing');
    if (country === 'other') return skip('country_not_covered');

    // Scope first: an Afghan event away from the border is out of scope, whatever else it says.
    if (country === 'Afghanistan') {
      const admin1 = cleanLine(row.admin1);
      if (admin1 !== undefined && afghanBorderProvince(admin1) === undefined) return skip('outside_border_region');
    }
    const { class: eventClass } = classifyAcledRow(row, country);
    if (eventClass.outcome === 'error') return error(eventClass.message);
    if (eventClass.outcome === 'skip') return skip(eventClass.reason);
    if (eventClass.outcome === 'operation' && !options.operations) return skip('operation_not_requested');
    // Known from here: classifyAcledRow refused unknown event types.
    const family = eventFamily(cleanLine(row.event_type)!)!;
    const notes = cleanNotes(row.notes);
    const subEventType = present(row.sub_event_type);

    const common = readCommon(row, country);
    const problems = common.ok ? [] : [...common.problems];
    if (!fatalities.ok) problems.push(`fatalities: ${fatalities.reason}`);
    if (!common.ok || !fatalities.ok) return error(problems.join('; '));

    const actors = actorsOf(row);
    const inter2 = interCode(present(row.inter2));
    const actor2 = cleanLine(row.actor2);

    if (eventClass.outcome === 'operation') {
      const arrests = family === 'strategic';
      const targetCells = eventClass.target === null ? [] : cellsOf(row, eventClass.target);
      // A strike's fatalities are the militants' only when no civilians are among those hit.
      const civiliansHit = targetCells.some((c) => c !== undefined && /\bcivilians\b/i.test(c));
      const groupId = matchGroup(targetCells);
      const parsed = operationInput.safeParse({
        ...common.value,
        kind: operationKind(arrests ? undefined : subEventType, notes),
        agency: agencyOf(cleanLine(row.actor1)),
        groupId,
        actors,
        count: 1,
        militantsKilled: arrests || civiliansHit ? 0 : deaths,
        // ACLED codes an arrest event when someone was arrested: at least one. Prose numbers
        // ("over a 100 suspects") are not guessed. ACLED gives no security losses: not reported.
        militantsArrested: arrests ? 1 : 0,
        securityKilled: null,
        securityInjured: null,
        verification: 'reported',
        synthetic: false,
      });
      if (!parsed.success) return error(zodMessage(parsed.error));
      return {
        kind: 'operation',
        externalId: common.value.externalId,
        input: parsed.data,
        fatalities: deaths,
        unmatched: unmatchedNames(targetCells, groupId),
      };
    }

    const category = eventClass.category;
    const perpetratorSide =
      eventClass.category === 'attack'
        ? eventClass.perpetrator
        : eventClass.category === 'clash'
          ? eventClass.militant
          : null;
    const targetSide = perpetratorSide === 2 ? 1 : 2;
    const perpetratorCells = perpetratorSide === null ? [] : cellsOf(row, perpetratorSide);
    const groupId = perpetratorSide === null ? null : matchGroup(perpetratorCells);
    const target = targetSide === 2 ? [actor2, inter2] : [cleanLine(row.actor1), interCode(present(row.inter1))];
    const parsed = incidentInput.safeParse({
      ...common.value,
      type: category === 'interstate' ? 'cross_border' : incidentTypeFor(family as ViolentFamily, subEventType, notes),
      category,
      targetType: targetTypeFor(target[0] as string | undefined, target[1] as number | undefined),
      groupId,
      actors,
      claimed: false,
      crossBorder: 'unknown',
      foreignNationals: 'unknown',
      casualties:
        exportedCasualties(row, fatalities.ok ? fatalities.value : undefined) ??
        acledCasualties(
          fatalities.ok ? fatalities.value : undefined,
          acledVictims({ family, inter2, actor2, assocActor2: cleanLine(row.assoc_actor_2) }),
        ),
      verification: 'reported',
      synthetic: false,
    });
    if (!parsed.success) return error(zodMessage(parsed.error));
    return {
      kind: 'incident',
      externalId: common.value.externalId,
      input: parsed.data,
      fatalities: deaths,
      unmatched: unmatchedNames(perpetratorCells, groupId),
    };
  };
}

/** Maps one row; build a mapper with createAcledRowMapper when mapping many (it indexes groups once). */
export function mapAcledRow(row: AcledRow, options: AcledImportOptions = {}): AcledRowOutcome {
  return createAcledRowMapper(options)(row);
}
