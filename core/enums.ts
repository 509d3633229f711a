/**
 * The closed vocabularies of the domain. Each is a readonly tuple so that zod enums, database
 * CHECK constraints and UI pickers are all derived from one list.
 */

export const COUNTRIES = ['Pakistan', 'Afghanistan'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * The Afghan provinces that border Pakistan: the only Afghan events in scope. Events elsewhere in
 * Afghanistan are skipped on import ("outside the border region").
 */
export const AFGHAN_BORDER_PROVINCES = [
  'Badakhshan',
  'Nuristan',
  'Kunar',
  'Nangarhar',
  'Paktia',
  'Khost',
  'Paktika',
  'Zabul',
  'Kandahar',
  'Helmand',
  'Nimroz',
] as const;
export type AfghanBorderProvince = (typeof AFGHAN_BORDER_PROVINCES)[number];

/** Provinces and regions a Pakistan tracker uses; Afghan border provinces are kept by name. */
export const PROVINCES = [
  'KP',
  'KP-MD', // Khyber Pakhtunkhwa, merged (ex-FATA) tribal districts
  'Balochistan',
  'Punjab',
  'Sindh',
  'ICT',
  'Gilgit-Baltistan',
  'AJK',
  ...AFGHAN_BORDER_PROVINCES,
  // Afghan events recorded before provinces were kept, whose province is not a border province
  // (or was not given); new records use the province.
  'Afghanistan',
] as const;
export type Province = (typeof PROVINCES)[number];

/** The Afghan side: a border province, or the legacy region "Afghanistan". */
export const isAfghanProvince = (p: string): boolean =>
  p === 'Afghanistan' || (AFGHAN_BORDER_PROVINCES as readonly string[]).includes(p);

export const PROVINCE_LABELS: Record<Province, string> = {
  KP: 'Khyber Pakhtunkhwa',
  'KP-MD': 'KP merged tribal districts',
  Balochistan: 'Balochistan',
  Punjab: 'Punjab',
  Sindh: 'Sindh',
  ICT: 'Islamabad Capital Territory',
  'Gilgit-Baltistan': 'Gilgit-Baltistan',
  AJK: 'Azad Jammu and Kashmir',
  ...(Object.fromEntries(AFGHAN_BORDER_PROVINCES.map((p) => [p, `${p} (Afghanistan)`])) as Record<
    AfghanBorderProvince,
    string
  >),
  Afghanistan: 'Afghanistan (province not recorded)',
};

/** Provinces that read as one for a manager: KP and its merged tribal districts are one province. */
export const PROVINCE_PARENTS: readonly { label: string; members: readonly Province[] }[] = [
  { label: 'Khyber Pakhtunkhwa (all)', members: ['KP', 'KP-MD'] },
];

export const TIME_PRECISIONS = ['exact', 'day', 'week', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** How well a point is known: the exact place, a nearby town, or only the district/province. */
export const GEO_PRECISIONS = ['exact', 'near', 'district', 'province'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export const INCIDENT_TYPES = [
  'armed_assault',
  'suicide_bombing',
  'ied_explosive',
  'targeted_killing',
  'rocket_mortar_shelling',
  'cross_border',
  'kidnapping',
  'infrastructure_sabotage',
  'clash',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export interface IncidentTypeInfo {
  label: string;
  acled: { eventType: string; subEventType: string };
  gtd: string;
}

/** Each type with its ACLED event/sub-event type and GTD attack type, for import and export. */
export const INCIDENT_TYPE_INFO: Record<IncidentType, IncidentTypeInfo> = {
  armed_assault: {
    label: 'Armed assault',
    acled: { eventType: 'Battles', subEventType: 'Armed clash' },
    gtd: 'Armed Assault',
  },
  suicide_bombing: {
    label: 'Suicide bombing',
    acled: { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' },
    gtd: 'Bombing/Explosion',
  },
  ied_explosive: {
    label: 'IED / explosive',
    acled: { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' },
    gtd: 'Bombing/Explosion',
  },
  targeted_killing: {
    label: 'Targeted killing',
    acled: { eventType: 'Violence against civilians', subEventType: 'Attack' },
    gtd: 'Assassination',
  },
  rocket_mortar_shelling: {
    label: 'Rocket / mortar / shelling',
    acled: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' },
    gtd: 'Bombing/Explosion',
  },
  cross_border: {
    label: 'Cross-border raid or fire',
    acled: { eventType: 'Battles', subEventType: 'Armed clash' },
    gtd: 'Armed Assault',
  },
  kidnapping: {
    label: 'Kidnapping',
    acled: { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
    gtd: 'Hostage Taking (Kidnapping)',
  },
  infrastructure_sabotage: {
    label: 'Sabotage of infrastructure',
    acled: { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' },
    gtd: 'Facility/Infrastructure Attack',
  },
  clash: {
    label: 'Clash',
    acled: { eventType: 'Battles', subEventType: 'Armed clash' },
    gtd: 'Armed Assault',
  },
  other: {
    label: 'Other',
    acled: { eventType: 'Violence against civilians', subEventType: 'Attack' },
    gtd: 'Unknown',
  },
};

/**
 * Who acted (docs/adr/0015-event-classification.md). Militant violence is attacks by non-state
 * armed groups and state–militant clashes whose initiator the source does not say; fire between
 * two states' forces and state forces harming civilians are kept apart, outside militant totals.
 */
export const INCIDENT_CATEGORIES = ['attack', 'clash', 'interstate', 'state_violence'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  attack: 'Militant attacks',
  clash: 'State–militant clashes',
  interstate: 'Interstate fire',
  state_violence: 'State forces against civilians',
};

/** What "militant violence" totals count unless a filter names categories. */
export const MILITANT_CATEGORIES = ['attack', 'clash'] as const satisfies readonly IncidentCategory[];

/** The role an actor played, as the source names it (ACLED's columns; a form's perpetrator). */
export const ACTOR_ROLES = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'perpetrator'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const TARGET_TYPES = [
  'security_forces',
  'police',
  'civilians',
  'government',
  'religious',
  'education',
  'infrastructure',
  'foreign_nationals',
  'other',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const TARGET_LABELS: Record<TargetType, string> = {
  security_forces: 'Security forces',
  police: 'Police',
  civilians: 'Civilians',
  government: 'Government',
  religious: 'Religious',
  education: 'Education',
  infrastructure: 'Infrastructure',
  foreign_nationals: 'Foreign nationals',
  other: 'Other',
};

export const TRI_STATES = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof TRI_STATES)[number];

export const VERIFICATION_STATUSES = ['reported', 'confirmed', 'disputed'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Casualty categories; ACLED and many sources do not split by side, hence not_specified. */
export const CASUALTY_CATEGORIES = ['civilians', 'security_forces', 'militants', 'not_specified'] as const;
export type CasualtyCategory = (typeof CASUALTY_CATEGORIES)[number];

export const CASUALTY_LABELS: Record<CasualtyCategory, string> = {
  civilians: 'Civilians',
  security_forces: 'Security forces',
  militants: 'Militants',
  not_specified: 'Not specified',
};

export const OPERATION_KINDS = [
  'intelligence_based',
  'clearance',
  'cordon_and_search',
  'border_interdiction',
  'air_strike',
  'other',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_KIND_LABELS: Record<OperationKind, string> = {
  intelligence_based: 'Intelligence-based operation',
  clearance: 'Clearance / combing',
  cordon_and_search: 'Cordon and search',
  border_interdiction: 'Border interdiction',
  air_strike: 'Air strike',
  other: 'Other',
};

export const VALUE_KINDS = ['exact', 'lower_bound', 'range', 'percent', 'money'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year', 'span'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ANNOTATION_KINDS = ['political', 'diplomatic', 'policy', 'report', 'military', 'other'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** ROLES is in rank order: each role may do what the ones before it may. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const ENTITIES = ['incident', 'operation', 'group', 'referenceFigure', 'annotation'] as const;
export type Entity = (typeof ENTITIES)[number];

export const CHANGE_ACTIONS = ['created', 'updated', 'retracted'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
