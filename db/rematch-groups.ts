/**
 * Re-derives `groupId` of stored incidents and operations from their actors (core/import/derive-group.ts)
 * after groups or aliases change: `npm run db:rematch`, and the button on the groups admin page.
 * Each change goes through the update verbs at the record's current version, so it is versioned,
 * logged, rolled up and broadcast like any edit; unchanged records are not touched. A record edited
 * meanwhile (version conflict) is left for the next run and counted.
 */
import { and, asc, gt, isNull, sql } from 'drizzle-orm';
import { ConflictError } from '../core/errors';
import { createGroupMatcher, requireGroups } from '../core/import/acled-group-match';
import { deriveGroupId } from '../core/import/derive-group';
import { updateIncident } from '../core/incident/update-incident';
import { updateOperation } from '../core/operation/update-operation';
import type { Ctx } from '../core/ports';
import type { Db } from './client';
import { listGroups } from './queries/reference';
import { incidents, operations } from './schema';

export interface RematchReport {
  checked: number;
  changed: number;
  /** Edited by someone else while the rematch ran: not changed, a later run picks them up. */
  conflicts: number;
}

const PAGE = 500;

export async function rematchGroups(db: Db, ctx: Ctx): Promise<RematchReport> {
  const groups = requireGroups(await listGroups(db)).filter((g) => !g.retractedAt);
  const match = createGroupMatcher(
    groups.map((g) => ({ id: g.id, shortName: g.shortName, fullName: g.fullName, aliases: g.aliases })),
  );
  const report: RematchReport = { checked: 0, changed: 0, conflicts: 0 };
  for (const kind of ['incident', 'operation'] as const) {
    const t = kind === 'incident' ? incidents : operations;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await db
        .select({
          id: t.id,
          version: t.version,
          actors: t.actors,
          groupId: t.groupId,
          category: kind === 'incident' ? incidents.category : sql<null>`null`,
        })
        .from(t)
        .where(and(isNull(t.retractedAt), gt(t.id, after), sql`jsonb_array_length(${t.actors}) > 0`))
        .orderBy(asc(t.id))
        .limit(PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      for (const r of page) {
        report.checked += 1;
        const derived = deriveGroupId({ actors: r.actors, category: (r.category ?? undefined) as never }, kind, match);
        if (derived === undefined || derived === r.groupId) continue;
        const input = { version: r.version, groupId: derived };
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
