/** The groups repository: a group row with its strength estimates (their own table, in order). */
import { asc, eq, sql } from 'drizzle-orm';
import type { Group, StrengthEstimate } from '../../core/group/schema';
import type { WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';
import { stamps } from './stamps';

export const groupFromRow = (r: typeof s.groups.$inferSelect, estimates: StrengthEstimate[]): Group => ({
  ...stamps(r),
  strengthEstimates: estimates,
});

export function groupRepo(tx: Tx): WriteTx['groups'] {
  const load = async (row: typeof s.groups.$inferSelect): Promise<Group> => {
    const est = await tx
      .select()
      .from(s.groupStrengthEstimates)
      .where(eq(s.groupStrengthEstimates.groupId, row.id))
      .orderBy(asc(s.groupStrengthEstimates.position));
    return groupFromRow(
      row,
      est.map((e) => ({ low: e.low, high: e.high, asOf: e.asOf, source: e.source })),
    );
  };
  const writeEstimates = async (g: Group) => {
    await tx.delete(s.groupStrengthEstimates).where(eq(s.groupStrengthEstimates.groupId, g.id));
    if (g.strengthEstimates.length > 0) {
      await tx
        .insert(s.groupStrengthEstimates)
        .values(g.strengthEstimates.map((e, position) => ({ ...e, groupId: g.id, position })));
    }
  };
  return {
    async get(id, opts) {
      const q = tx.select().from(s.groups).where(eq(s.groups.id, id));
      const [row] = await (opts?.lock ? q.for('update') : q);
      return row ? load(row) : null;
    },
    async nameOf(id) {
      const [row] = await tx
        .select({ shortName: s.groups.shortName, retractedAt: s.groups.retractedAt })
        .from(s.groups)
        .where(eq(s.groups.id, id));
      return row ? { shortName: row.shortName, retracted: row.retractedAt !== null } : null;
    },
    async findByShortName(shortName) {
      const [row] = await tx
        .select()
        .from(s.groups)
        .where(sql`lower(${s.groups.shortName}) = lower(${shortName})`);
      return row ? load(row) : null;
    },
    async insert(g) {
      const { strengthEstimates: _, ...row } = g;
      await tx.insert(s.groups).values(row);
      await writeEstimates(g);
    },
    async update(g) {
      const { strengthEstimates: _, id, ...row } = g;
      await tx.update(s.groups).set(row).where(eq(s.groups.id, id));
      await writeEstimates(g);
    },
  };
}
