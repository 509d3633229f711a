/**
 * The read port of the group rematch (core/group/rematch-groups.ts): the live groups, and live
 * incidents and operations that keep source actors, paged by id. Writes go through core's verbs.
 */
import { and, asc, gt, isNull, sql } from 'drizzle-orm';
import type { RematchRecords } from '../../core/group/rematch-groups';
import type { IncidentCategory } from '../../core/enums';
import type { Db } from '../client';
import { incidents, operations } from '../schema';
import { listGroups } from './reference';

export function rematchRecords(db: Db): RematchRecords {
  return {
    async groups() {
      return (await listGroups(db))
        .filter((g) => !g.retractedAt)
        .map((g) => ({ id: g.id, shortName: g.shortName, fullName: g.fullName, aliases: g.aliases }));
    },
    async page(kind, after, limit) {
      const t = kind === 'incident' ? incidents : operations;
      const rows = await db
        .select({
          id: t.id,
          version: t.version,
          actors: t.actors,
          groupId: t.groupId,
          namedActor: t.namedActor,
          category: kind === 'incident' ? incidents.category : sql<null>`null`,
        })
        .from(t)
        .where(
          and(
            isNull(t.retractedAt),
            after === null ? undefined : gt(t.id, after),
            sql`jsonb_array_length(${t.actors}) > 0`,
          ),
        )
        .orderBy(asc(t.id))
        .limit(limit);
      return rows.map(({ category, ...r }) => ({
        ...r,
        ...(category === null ? {} : { category: category as IncidentCategory }),
      }));
    },
  };
}
