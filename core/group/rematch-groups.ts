/**
 * Re-derives the group (`groupId`) and the named-actor status (`namedActor`) of stored incidents and
 * operations from their actors (core/import/derive-group.ts), after groups or aliases change:
 * `npm run db:rematch` and the button on the groups admin page. The store only pages through the
 * records (RematchRecords); each change goes through the update verbs at the record's current
 * version, so it is versioned, logged, rolled up and broadcast like any edit, and unchanged records
 * are not touched. A record edited meanwhile (version conflict) is left for the next run and counted.
 */
import type { Actor } from '../common-schemas';
import type { IncidentCategory } from '../enums';
import { ConflictError } from '../errors';
import { createGroupMatcher, requireGroups } from '../import/acled-group-match';
import { deriveGroupId, deriveNamedActor } from '../import/derive-group';
import { updateIncident } from '../incident/update-incident';
import { updateOperation } from '../operation/update-operation';
import type { Ctx } from '../ports';

export interface RematchReport {
  checked: number;
  changed: number;
  /** Edited by someone else while the rematch ran: not changed, a later run picks them up. */
  conflicts: number;
}

export interface RematchCandidate {
  id: string;
  version: number;
  actors: Actor[];
  groupId: string | null;
  namedActor: boolean;
  /** Incidents only. */
  category?: IncidentCategory;
}

/** The read port: the live groups, and live records that keep source actors, by id in pages. */
export interface RematchRecords {
  groups(): Promise<{ id: string; shortName: string; fullName: string; aliases: string[] }[]>;
  /** Up to `limit` live records of `kind` with actors, ids above `after` (null: from the first), by id. */
  page(kind: 'incident' | 'operation', after: string | null, limit: number): Promise<RematchCandidate[]>;
}

const PAGE = 500;

export async function rematchGroups({ ctx, records }: { ctx: Ctx; records: RematchRecords }): Promise<RematchReport> {
  const match = createGroupMatcher(requireGroups(await records.groups()));
  const report: RematchReport = { checked: 0, changed: 0, conflicts: 0 };
  for (const kind of ['incident', 'operation'] as const) {
    let after: string | null = null;
    for (;;) {
      const page = await records.page(kind, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      for (const r of page) {
        report.checked += 1;
        const derived = deriveGroupId(r, kind, match);
        const groupId = derived === undefined ? r.groupId : derived;
        // The update verb derives namedActor again from the actors it stores.
        if (groupId === r.groupId && deriveNamedActor(r, kind) === r.namedActor) continue;
        const input = { version: r.version, groupId };
        try {
          if (kind === 'incident') await updateIncident({ ctx, id: r.id, input });
          else await updateOperation({ ctx, id: r.id, input });
          report.changed += 1;
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          report.conflicts += 1;
        }
      }
    }
  }
  return report;
}
