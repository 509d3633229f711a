/**
 * Writes the reference rows that are missing, all in one transaction, so a crash half-way leaves
 * nothing behind and a second run finds everything or nothing.
 *
 * Idempotency. Groups have a natural key (short name, unique) that WriteTx can look up. Figures and
 * annotations have none that the ports can query, so:
 * - a caller that can list them passes `existing` (the metric strings and annotation titles already
 *   stored) and only the missing ones are created;
 * - without `existing`, figures and annotations are created only on a fresh database, recognised by
 *   none of the seed groups being present yet. Since everything commits together, "some seed group
 *   exists" means an earlier run (or an admin) already went through here: we would rather create
 *   nothing than a duplicate figure on every restart.
 */
import { createAnnotation } from '../annotation/annotation-verbs';
import { createGroup } from '../group/group-verbs';
import type { Ctx, WriteTx } from '../ports';
import { createReferenceFigure } from '../reference-figure/reference-figure-verbs';
import { REFERENCE_ANNOTATIONS, REFERENCE_FIGURES, REFERENCE_GROUPS } from './reference-data';

export interface ExistingReference {
  figureMetrics: readonly string[];
  annotationTitles: readonly string[];
}

/** shortName → group id, for every live (not retracted) seed group. */
export type GroupIds = Record<string, string>;

const key = (s: string) => s.trim().toLowerCase();

export async function seedReference({
  ctx,
  existing,
  tx,
}: {
  ctx: Ctx;
  existing?: ExistingReference;
  /** Join a caller's transaction instead of opening one. */
  tx?: WriteTx;
}): Promise<GroupIds> {
  const run = async (t: WriteTx): Promise<GroupIds> => {
    const groupIds: GroupIds = {};
    let anyExisted = false;
    for (const input of REFERENCE_GROUPS) {
      const found = await t.groups.findByShortName(input.shortName);
      if (found) {
        anyExisted = true;
        // A retracted group keeps its short name but must not receive new records.
        if (!found.retractedAt) groupIds[input.shortName] = found.id;
        continue;
      }
      const { record } = await createGroup({ ctx, input, tx: t });
      groupIds[input.shortName] = record.id;
    }

    if (existing || !anyExisted) {
      const metrics = new Set((existing?.figureMetrics ?? []).map(key));
      const titles = new Set((existing?.annotationTitles ?? []).map(key));
      for (const input of REFERENCE_FIGURES) {
        if (!metrics.has(key(input.metric))) await createReferenceFigure({ ctx, input, tx: t });
      }
      for (const input of REFERENCE_ANNOTATIONS) {
        if (!titles.has(key(input.title))) await createAnnotation({ ctx, input, tx: t });
      }
    }
    return groupIds;
  };
  return tx ? run(tx) : ctx.store.transact(run);
}
