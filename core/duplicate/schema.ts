/** Duplicate candidates and merges: statuses, the API's inputs and the read shape. */
import { z } from 'zod';
import type { Incident } from '../incident/schema';
import { PROVINCES } from '../enums';
import { CalendarDate, enumOf } from '../common-schemas';

/**
 * open: waiting for an operator; later: put aside ("later"), still unresolved; dismissed: not a
 * duplicate (never proposed again); merged: resolved by a merge (a split makes it dismissed).
 */
export const CANDIDATE_STATUSES = ['open', 'later', 'dismissed', 'merged'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
/** Statuses an operator still has to resolve: the queue and the overview's count. */
export const UNRESOLVED: readonly CandidateStatus[] = ['open', 'later'];

export interface DuplicateCandidate {
  id: string;
  incidentA: string;
  incidentB: string;
  score: number;
  reasons: string[];
  status: CandidateStatus;
  /** The earlier record's local day in the reporting zone. */
  day: string;
  provinces: string[];
  foundAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** A candidate with both records, as the queue shows it. */
export interface CandidatePair extends DuplicateCandidate {
  a: Incident;
  b: Incident;
}

const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

export const CandidateFilter = z.strictObject({
  status: many(enumOf(CANDIDATE_STATUSES, 'status')),
  /** Local days in the reporting zone, inclusive. */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  province: many(enumOf(PROVINCES, 'province')),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(500).default(100),
});
export type CandidateFilter = z.output<typeof CandidateFilter>;

/** What a merge may take from either record; the rest is the survivor's. */
export const MERGE_FIELDS = ['time', 'place', 'type', 'group', 'target', 'summary', 'casualties'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MergeInput = z
  .strictObject({
    /** The record that stays; default: the higher-confidence one (core/duplicate/merge-fields.ts). */
    survivor: z.uuid({ error: 'must be the id of one of the two records' }).optional(),
    /** Per field, the id of the record to take it from; casualties default to the figure rule. */
    pick: z
      .strictObject(
        Object.fromEntries(
          MERGE_FIELDS.map((f) => [f, z.uuid({ error: 'must be the id of one of the two records' }).optional()]),
        ) as Record<MergeField, z.ZodOptional<z.ZodUUID>>,
      )
      .default({}),
  })
  .default({ pick: {} });
export type MergeInput = z.output<typeof MergeInput>;

/** What a split takes: the record to bring back; default, the one merged in last. */
export const SplitInput = z
  .strictObject({
    merged: z.uuid({ error: 'must be the id of a record merged into this incident' }).optional(),
  })
  .default({});
export type SplitInput = z.output<typeof SplitInput>;
