/**
 * How the fields of incidents and operations read to a person: labels for error summaries and the
 * version comparison, and values as text (enum labels, group names, "—" for empty). The same names
 * label the inputs, so an error in the summary names what the operator sees. Framework-free.
 */
import {
  CASUALTY_CATEGORIES,
  GEO_PRECISIONS,
  INCIDENT_TYPE_INFO,
  OPERATION_KIND_LABELS,
  PROVINCE_LABELS,
  TARGET_LABELS,
  type CasualtyCategory,
  type GeoPrecision,
  type IncidentType,
  type OperationKind,
  type Province,
  type TargetType,
  type TimePrecision,
} from '../../core/enums';
import { casualtyLabel, type Side } from '../forms/casualty-labels';
import { sourceLabel, type SourceDraft } from '../forms/input-values';
import { GEO_PRECISION_LABELS } from '../forms/place-labels';
import { PRECISION_LABELS } from '../forms/when-values';

const LABELS: Record<string, string> = {
  occurredDate: 'Date',
  occurredTime: 'Time (PKT)',
  timePrecision: 'Time precision',
  country: 'Country',
  province: 'Province',
  district: 'District',
  place: 'Place',
  latitude: 'Latitude',
  longitude: 'Longitude',
  geoPrecision: 'Location precision',
  type: 'Type of incident',
  targetType: 'Target',
  groupId: 'Group',
  perpetrator: 'Perpetrator named by sources',
  actors: 'Actors',
  category: 'Category',
  claimed: 'Claimed',
  crossBorder: 'Cross-border origin',
  foreignNationals: 'Foreign nationals among attackers',
  sources: 'Sources',
  verification: 'Verification',
  summary: 'Summary',
  kind: 'Kind of operation',
  agency: 'Agency',
  count: 'Operations in this record',
  militantsKilled: 'Militants killed',
  militantsArrested: 'Militants arrested',
  securityKilled: 'Security personnel killed',
  securityInjured: 'Security personnel injured',
  version: 'Version',
  externalId: 'External id',
  synthetic: 'Synthetic',
};

export function fieldLabel(path: string): string {
  const casualty = /^casualties\.(killed|injured)\.(\w+)\.(low|high)$/.exec(path);
  if (casualty && (CASUALTY_CATEGORIES as readonly string[]).includes(casualty[2]!)) {
    return casualtyLabel(casualty[1] as Side, casualty[2] as CasualtyCategory, casualty[3] as 'low' | 'high');
  }
  const source = /^sources\.(\d+)\.(name|url|publishedAt)$/.exec(path);
  if (source) return sourceLabel(Number(source[1]), source[2] as keyof SourceDraft);
  return LABELS[path] ?? path;
}

const TRI: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

/** A value (as flattened JSON from the version diff) in words. */
export function valueText(path: string, json: string, groupName: (id: string) => string | null): string {
  const v: unknown = JSON.parse(json);
  if (path.startsWith('casualties.') && path.endsWith('.low')) return v === '' || v === null ? '0' : String(v);
  if (path === 'sources' && Array.isArray(v)) {
    const rows = (v as SourceDraft[]).filter((s) => s.name || s.url);
    return rows.length === 0
      ? '—'
      : rows.map((s) => [s.name, s.url, s.publishedAt].filter(Boolean).join(' · ')).join('\n');
  }
  if (v === '' || v === null || v === undefined)
    return path === 'groupId' ? 'Unknown / unclaimed' : path === 'province' ? 'Nationwide / not given' : '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const s = String(v);
  switch (path) {
    case 'groupId':
      return groupName(s) ?? s;
    case 'province':
      return PROVINCE_LABELS[s as Province] ?? s;
    case 'type':
      return INCIDENT_TYPE_INFO[s as IncidentType]?.label ?? s;
    case 'kind':
      return OPERATION_KIND_LABELS[s as OperationKind] ?? s;
    case 'targetType':
      return TARGET_LABELS[s as TargetType] ?? s;
    case 'timePrecision':
      return PRECISION_LABELS[s as TimePrecision] ?? s;
    case 'geoPrecision':
      return (GEO_PRECISIONS as readonly string[]).includes(s) ? GEO_PRECISION_LABELS[s as GeoPrecision] : s;
    case 'crossBorder':
    case 'foreignNationals':
      return TRI[s] ?? s;
    case 'verification':
      return s.charAt(0).toUpperCase() + s.slice(1);
    default:
      return s;
  }
}
