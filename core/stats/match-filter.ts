/**
 * Whether a record belongs to a filtered view: the live feed and map apply a change only when the
 * record (before or after it) matches the page's filter, with the same rules as the SQL.
 */
import type { IncidentFilter } from '../filters';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';
import { groupFilterOfRecord } from '../rollup/incident-rollup';
import { sourceOf } from '../provenance';

const within = (at: string, f: IncidentFilter) => (!f.from || at >= f.from) && (!f.to || at < f.to);
const among = <T>(v: T, list: readonly T[] | undefined) => !list || list.length === 0 || list.includes(v);

export function incidentMatches(i: Incident, f: IncidentFilter): boolean {
  return (
    within(i.occurredAt, f) &&
    among(i.country, f.country) &&
    among(i.province, f.province) &&
    among(groupFilterOfRecord(i), f.group) &&
    among(i.type, f.type) &&
    among(i.category, f.category) &&
    (!f.actor || i.actors.some((a) => a.name.toLowerCase().includes(f.actor!.toLowerCase()))) &&
    // Derived only when the view narrows by source.
    (!f.source?.length || f.source.includes(sourceOf(i.externalId))) &&
    among(i.targetType, f.target) &&
    among(i.verification, f.status)
  );
}

/**
 * Operations have no incident type or target: those filters do not narrow them. A province filter
 * leaves out nationwide records (they belong to no province).
 */
export function operationMatches(o: Operation, f: IncidentFilter): boolean {
  return (
    within(o.occurredAt, f) &&
    among(o.country, f.country) &&
    (!f.province || f.province.length === 0 || (o.province !== null && f.province.includes(o.province))) &&
    among(groupFilterOfRecord(o), f.group) &&
    among(o.verification, f.status) &&
    (!f.source?.length || f.source.includes(sourceOf(o.externalId))) &&
    (!f.actor || o.actors.some((a) => a.name.toLowerCase().includes(f.actor!.toLowerCase())))
  );
}
