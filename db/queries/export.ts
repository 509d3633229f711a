/**
 * Incident exports: keyset pages over the list query (never one giant result), and the row shapes
 * of the ACLED-compatible CSV (ACLED's 31 columns in their order, then ours).
 *
 * The ACLED columns are chosen so that importing the file back (core/import) gives the same
 * records as far as ACLED's vocabulary reaches:
 * - event_id_cnty: `acled:XYZ` → `XYZ`; any other record → `BW-<id>` (stable, so a re-import updates).
 * - event/sub-event type: INCIDENT_TYPE_INFO's, unless the importer would read that back as another
 *   type; then the ACLED pair it reads back as this one (armed_assault → Violence against
 *   civilians/Attack; other → Air/drone strike when the notes say so). cross_border,
 *   infrastructure_sabotage and a targeted_killing whose notes do not say so have no such pair in
 *   ACLED: they come back as clash, ied_explosive and armed_assault. Our `type` column keeps them.
 * - admin1: ACLED's province names; KP-MD as Khyber Pakhtunkhwa when its district tells the importer
 *   it is a merged district, else as Federally Administered Tribal Areas (also read back as KP-MD).
 * - actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2: the actors as the source named
 *   them, verbatim (an ACLED row exported after import carries the actors it came with, so it is
 *   classified the same way again, docs/adr/0015). A record typed in has none: actor1 is the named
 *   perpetrator or the group's short name, else empty with inter1 3 (nothing is invented), and
 *   actor2/inter2 come from the target type (security forces, police, government, civilians
 *   round-trip).
 * - fatalities: the killed "at least" figures summed; ACLED has no split by side, no injured.
 */
import { ACLED_CURRENT_COLUMNS } from '../../core/import/acled-columns';
import { eventFamily, incidentTypeFor } from '../../core/import/acled-event-type';
import { placeOf } from '../../core/import/acled-place';
import {
  AFGHAN_BORDER_PROVINCES,
  type AfghanBorderProvince,
  CASUALTY_CATEGORIES,
  INCIDENT_TYPE_INFO,
  type IncidentType,
  type Province,
  type TargetType,
} from '../../core/enums';
import type { IncidentFilter } from '../../core/filters';
import type { Incident } from '../../core/incident/schema';
import type { Db } from '../client';
import { localDateTime, localDay } from '../../core/time/report-zone';
import { listIncidents, type PageKey } from './incidents';

export const EXPORT_PAGE_SIZE = 500;

/** Pages of incidents matching `filter`, oldest first, until the end (or `signal` aborts). */
export async function* incidentPages(
  db: Db,
  filter: IncidentFilter,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Incident[]> {
  let after: PageKey | null = null;
  do {
    const page = await listIncidents(db, { filter, sort: 'occurredAt', limit: pageSize, after });
    if (page.items.length > 0) yield page.items;
    after = page.next;
  } while (after);
}

export const ACLED_EXPORT_COLUMNS = ACLED_CURRENT_COLUMNS;

const FIGURE_COLUMNS = (['killed', 'injured'] as const).flatMap((side) =>
  CASUALTY_CATEGORIES.flatMap((c) => [`${side}_${c}_low`, `${side}_${c}_high`]),
);

/** Our fields, after ACLED's; none of these names is an ACLED column, so the importer ignores them. */
export const EXTRA_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'time_of_day',
  'province',
  'district',
  'type',
  'category',
  'target_type',
  'group',
  'group_id',
  'claimed',
  ...FIGURE_COLUMNS,
  'verification',
  'cross_border',
  'foreign_nationals',
  'source_urls',
  'external_id',
  'synthetic',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'retracted',
  'retracted_at',
  'retraction_reason',
];

export const EXPORT_COLUMNS = [...ACLED_EXPORT_COLUMNS, ...EXTRA_EXPORT_COLUMNS];

const ADMIN1: Record<Exclude<Province, 'KP-MD' | 'Afghanistan' | AfghanBorderProvince>, string> = {
  KP: 'Khyber Pakhtunkhwa',
  Balochistan: 'Balochistan',
  Punjab: 'Punjab',
  Sindh: 'Sindh',
  ICT: 'Islamabad Capital Territory',
  'Gilgit-Baltistan': 'Gilgit-Baltistan',
  AJK: 'Azad Kashmir',
};

type AcledEvent = { eventType: string; subEventType: string };
const VAC_ATTACK: AcledEvent = { eventType: 'Violence against civilians', subEventType: 'Attack' };
const AIR_STRIKE: AcledEvent = { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
// The importer's own reading of notes that describe an air or drone strike (acled-event-type.ts).
const AIR_NOTES = /\b(air ?strikes?|drones?|air raids?|jets?)\b/i;

/**
 * The ACLED pair for a type that the importer reads back as the same type, when ACLED has one.
 * `civilianDeaths`: the deaths are filed as civilians', which the importer reads back only from
 * violence against civilians (core/import/acled-casualties.ts), so that pair comes first.
 */
export function acledEventFor(type: IncidentType, notes: string | null, civilianDeaths = false): AcledEvent {
  const info = INCIDENT_TYPE_INFO[type].acled;
  const candidates = [
    ...(civilianDeaths ? [VAC_ATTACK] : []),
    info,
    VAC_ATTACK,
    ...(notes && AIR_NOTES.test(notes) ? [AIR_STRIKE] : []),
  ];
  const readBack = (e: AcledEvent) => incidentTypeFor(eventFamily(e.eventType)!, e.subEventType, notes ?? undefined);
  return candidates.find((e) => readBack(e) === type) ?? info;
}

export function acledAdmin1(province: Province, district: string | null): string {
  // Legacy Afghan records kept the province in the district.
  if (province === 'Afghanistan') return district ?? '';
  if ((AFGHAN_BORDER_PROVINCES as readonly string[]).includes(province)) return province;
  if (province !== 'KP-MD') return ADMIN1[province as keyof typeof ADMIN1];
  const read = placeOf('Pakistan', 'Khyber Pakhtunkhwa', district ?? undefined);
  return read.ok && read.province === 'KP-MD' ? 'Khyber Pakhtunkhwa' : 'Federally Administered Tribal Areas';
}

const TARGET_ACTOR: Partial<Record<TargetType, [name: string, inter: number]>> = {
  security_forces: ['Military Forces of %', 1],
  police: ['Police Forces of %', 1],
  government: ['Government of %', 1],
  civilians: ['Civilians (%)', 7],
};

const TIME_PRECISION = { exact: 1, day: 1, week: 2, month: 3 } as const;
const GEO_PRECISION = { exact: 1, near: 2, district: 3, province: 3 } as const;

/** `acled:XYZ` → `XYZ`; every other record → `BW-<id>`, which the import sink maps back to it. */
export function eventIdOf(incident: Pick<Incident, 'id' | 'externalId'>): string {
  return incident.externalId?.startsWith('acled:') ? incident.externalId.slice('acled:'.length) : `BW-${incident.id}`;
}

type Cell = string | number;
const orEmpty = (v: string | number | null | undefined): Cell => v ?? '';

/** actor1 … inter2 as the source gave them, or (typed-in records) from the perpetrator and target. */
function actorCells(i: Incident): {
  actor1: string;
  assoc1: string;
  inter1: Cell;
  actor2: string;
  assoc2: string;
  inter2: Cell;
} {
  const byRole = (role: string) => i.actors.find((a) => a.role === role);
  const a1 = byRole('actor1');
  if (a1) {
    const a2 = byRole('actor2');
    return {
      actor1: a1.name,
      assoc1: byRole('assoc_actor_1')?.name ?? '',
      inter1: a1.inter ?? '',
      actor2: a2?.name ?? '',
      assoc2: byRole('assoc_actor_2')?.name ?? '',
      inter2: a2?.inter ?? (a2 ? '' : 0),
    };
  }
  const [target, inter2] = TARGET_ACTOR[i.targetType] ?? ['', 0];
  const perpetrator = byRole('perpetrator')?.name ?? i.groupName ?? '';
  // No name is invented: an unnamed perpetrator is an empty actor1 whose inter code still says
  // who acted (3, as ACLED codes unidentified armed groups; 1 for the state), so it re-imports as
  // the same category.
  const state = i.category === 'state_violence' || i.category === 'interstate';
  return {
    actor1: perpetrator,
    assoc1: '',
    inter1: state ? 1 : perpetrator ? 2 : 3,
    actor2: target.replace('%', i.country),
    assoc2: '',
    inter2: inter2 || 0,
  };
}

/** ACLED's interaction: the two inter codes, lower first ("12"), when both are digits. */
function interaction(inter1: Cell, inter2: Cell): Cell {
  const a = Number(inter1);
  const b = Number(inter2);
  if (String(inter1) === '' || !Number.isInteger(a) || !Number.isInteger(b)) return '';
  return b === 0 ? `${a}0` : `${Math.min(a, b)}${Math.max(a, b)}`;
}

/** `zone`: the reporting zone; event_date is the incident's local calendar date there. */
export function acledExportRow(i: Incident, zone: string): Cell[] {
  const day = localDay(i.occurredAt, zone);
  const k = i.casualties.killed;
  const civilianDeaths =
    k.civilians.low !== null &&
    k.security_forces.low === null &&
    k.militants.low === null &&
    k.not_specified.low === null;
  const event = acledEventFor(i.type, i.summary, civilianDeaths);
  const actors = actorCells(i);
  const fatalities = CASUALTY_CATEGORIES.reduce((sum, c) => sum + (i.casualties.killed[c].low ?? 0), 0);
  const afghan = i.country === 'Afghanistan';
  const acled: Cell[] = [
    eventIdOf(i),
    day,
    Number(day.slice(0, 4)),
    TIME_PRECISION[i.timePrecision],
    'Political violence',
    event.eventType,
    event.subEventType,
    actors.actor1,
    actors.assoc1,
    actors.inter1,
    actors.actor2,
    actors.assoc2,
    actors.inter2,
    interaction(actors.inter1, actors.inter2),
    i.targetType === 'civilians' ? 'Civilian targeting' : '',
    afghan ? 4 : 586,
    'Southern Asia',
    i.country,
    acledAdmin1(i.province, i.district),
    i.province === 'Afghanistan' ? '' : orEmpty(i.district),
    '',
    i.place ?? i.district ?? acledAdmin1(i.province, i.district),
    orEmpty(i.latitude),
    orEmpty(i.longitude),
    GEO_PRECISION[i.geoPrecision],
    i.sources.map((s) => s.name).join('; '),
    '',
    orEmpty(i.summary),
    fatalities,
    '',
    Math.floor(Date.parse(i.updatedAt) / 1000),
  ];
  const figures = (['killed', 'injured'] as const).flatMap((side) =>
    // An empty cell is a figure the source did not report, unlike 0.
    CASUALTY_CATEGORIES.flatMap((c) => [orEmpty(i.casualties[side][c].low), orEmpty(i.casualties[side][c].high)]),
  );
  const extra: Cell[] = [
    i.id,
    i.occurredAt,
    i.timePrecision === 'exact' ? localDateTime(i.occurredAt, zone).slice(11, 16) : '',
    i.province,
    orEmpty(i.district),
    i.type,
    i.category,
    i.targetType,
    orEmpty(i.groupName),
    orEmpty(i.groupId),
    String(i.claimed),
    ...figures,
    i.verification,
    i.crossBorder,
    i.foreignNationals,
    i.sources.flatMap((s) => (s.url ? [s.url] : [])).join(' '),
    orEmpty(i.externalId),
    String(i.synthetic),
    i.version,
    i.createdAt,
    orEmpty(i.createdBy),
    i.updatedAt,
    orEmpty(i.updatedBy),
    String(i.retractedAt !== null),
    orEmpty(i.retractedAt),
    orEmpty(i.retractionReason),
  ];
  return [...acled, ...extra];
}
