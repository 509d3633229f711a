/** Row mapping for groups, reference figures and annotations (timestamps to ISO 8601). */
import type { Annotation } from '../../core/annotation/schema';
import type { Group, StrengthEstimate } from '../../core/group/schema';
import type { ReferenceFigure } from '../../core/reference-figure/schema';
import type { annotations, groups, referenceFigures } from '../schema';
import { iso, isoOrNull } from './incident-rows';

type Stamped = { createdAt: string; updatedAt: string; retractedAt: string | null };

function stamps<T extends Stamped>(r: T): T {
  return { ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), retractedAt: isoOrNull(r.retractedAt) };
}

export const groupFromRow = (r: typeof groups.$inferSelect, estimates: StrengthEstimate[]): Group => ({
  ...stamps(r),
  strengthEstimates: estimates,
});
export const referenceFigureFromRow = (r: typeof referenceFigures.$inferSelect): ReferenceFigure =>
  stamps(r) as ReferenceFigure;
export const annotationFromRow = (r: typeof annotations.$inferSelect): Annotation => stamps(r) as Annotation;
