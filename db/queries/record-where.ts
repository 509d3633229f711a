/**
 * The one translation of a filter (core/filters.ts) into SQL, for lists, stats, narrow stats,
 * exports and the dashboard map. A filter field selects the column of the same meaning on every
 * table that has it (operations have no type or target, so those fields do not narrow them); the
 * group rule is core's (core/rollup/incident-rollup.ts): "unknown" is a NULL group without a named
 * actor on records and the '' key in rollups; "other" a NULL group with one, the 'other' key.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { groupKeyOfFilter, OTHER_GROUP, UNKNOWN_GROUP } from '../../core/rollup/incident-rollup';
import type { NarrowDim } from '../../core/rollup/narrow-rollups';
import { incidentRollupDaily, incidents, operationRollupDaily, operations } from '../schema';

/** Every filter field of incidents and operations (lists add `retracted`; stats never count retracted). */
export interface RecordFilter {
  from?: string;
  to?: string;
  country?: string[];
  province?: string[];
  group?: string[];
  type?: string[];
  category?: string[];
  target?: string[];
  status?: string[];
  kind?: string[];
  /** Substring of any actor's name as the source wrote it, case-insensitive (records only). */
  actor?: string;
  /** Where the record came from: acled, ucdp, gtd or local (records only; core/provenance.ts). */
  source?: string[];
  retracted?: 'include' | 'exclude' | 'only';
}

type RecordTable = typeof incidents | typeof operations;
type RollupTable = typeof incidentRollupDaily | typeof operationRollupDaily;

/** Filter field → the column (by property name) it narrows. */
const FIELD_COLUMNS = {
  country: 'country',
  province: 'province',
  type: 'type',
  category: 'category',
  target: 'targetType',
  status: 'verification',
  kind: 'kind',
} as const;

const isRollup = (t: RecordTable | RollupTable): t is RollupTable => 'groupKey' in t;

/** Records: the period and retraction too (default: live records only). Rollups hold live records by day. */
export function recordWhere(t: RecordTable | RollupTable, f: RecordFilter): SQL | undefined {
  const columns = t as unknown as Record<string, AnyColumn | undefined>;
  const where: SQL[] = [];
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    const values = f[field as keyof typeof FIELD_COLUMNS];
    const c = columns[column];
    if (values?.length && c) where.push(inArray(c, values));
  }
  if (isRollup(t)) {
    if (f.group?.length) where.push(inArray(t.groupKey, f.group.map(groupKeyOfFilter)));
    return where.length ? and(...where) : undefined;
  }
  if (f.from) where.push(sql`${t.occurredAt} >= ${f.from}::timestamptz`);
  if (f.to) where.push(sql`${t.occurredAt} < ${f.to}::timestamptz`);
  if (f.group?.length) {
    const ids = f.group.filter((g) => g !== UNKNOWN_GROUP && g !== OTHER_GROUP);
    const unknown = f.group.includes(UNKNOWN_GROUP);
    const other = f.group.includes(OTHER_GROUP);
    const parts = [
      ...(ids.length ? [inArray(t.groupId, ids)] : []),
      ...(unknown && other
        ? [isNull(t.groupId)]
        : unknown
          ? [and(isNull(t.groupId), eq(t.namedActor, false))!]
          : other
            ? [and(isNull(t.groupId), eq(t.namedActor, true))!]
            : []),
    ];
    where.push(parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  if (f.actor) {
    // LIKE's wildcards in the text are literal: "Group_A" must not match "GroupXA".
    const pattern = `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${t.actors}) AS a WHERE a->>'name' ILIKE ${pattern})`);
  }
  if (f.source?.length) where.push(sourceWhere(t.externalId, f.source));
  const retracted = f.retracted ?? 'exclude';
  if (retracted === 'exclude') where.push(isNull(t.retractedAt));
  if (retracted === 'only') where.push(isNotNull(t.retractedAt));
  return where.length ? and(...where) : undefined;
}

/**
 * What stats, the map and alerts filter by: the rollup dimensions of live records. The actor
 * text is a list filter (rollups cannot answer it), and stats never count retracted records.
 */
/** The SQL of core/provenance.ts sourceOf: the external id's prefix; local is none (or our own export's BW- id). */
function sourceWhere(externalId: AnyColumn, sources: string[]): SQL {
  const parts = sources.map((s) =>
    s === 'local'
      ? sql`(${externalId} IS NULL OR ${externalId} LIKE 'acled:BW-%' OR ${externalId} NOT SIMILAR TO '(acled|ucdp|gtd):%')`
      : s === 'acled'
        ? sql`(${externalId} LIKE 'acled:%' AND ${externalId} NOT LIKE 'acled:BW-%')`
        : sql`${externalId} LIKE ${`${s}:%`}`,
  );
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export function statsFilter<F extends RecordFilter>({
  actor: _actor,
  source: _source,
  retracted: _retracted,
  ...f
}: F): RecordFilter {
  return { ...f, retracted: 'exclude' };
}

/** The same filter on the narrow rollups, whose rows are keyed by one dimension: its keys per dimension. */
export function narrowKeys(f: RecordFilter): [NarrowDim, string[]][] {
  const keys: [NarrowDim, string[]][] = [];
  if (f.province?.length) keys.push(['province', f.province]);
  if (f.group?.length) keys.push(['group', f.group.map(groupKeyOfFilter)]);
  if (f.type?.length) keys.push(['type', f.type]);
  if (f.target?.length) keys.push(['target', f.target]);
  return keys;
}
