/**
 * Timeline annotations placed on a bucketed chart: a dated event becomes a marker in the bucket
 * holding its date; a month, a year or a span becomes a band from its first to its last bucket,
 * clipped to the chart. Annotations wholly outside the chart are left out.
 */
import { reportZone } from '../report-zone';
import type { Annotation } from '@/core/annotation/schema';
import { bucketKey } from '@/core/stats/buckets';
import type { Bucket } from '@/core/stats/stats-types';

export type AnnotationMark = Pick<
  Annotation,
  'id' | 'date' | 'endDate' | 'datePrecision' | 'kind' | 'title' | 'description' | 'sourceName'
>;

export interface PlacedMark {
  mark: AnnotationMark;
  n: number;
  x1: string;
  /** Set for a band (the event covers more than one bucket). */
  x2: string | null;
  /** Markers sharing a bucket are stacked: 0 is the top one. */
  row: number;
}

const lastDay = (a: AnnotationMark): string => {
  if (a.datePrecision === 'span' && a.endDate) return a.endDate;
  const d = new Date(`${a.date}T00:00:00Z`);
  if (a.datePrecision === 'month')
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  if (a.datePrecision === 'year') return `${d.getUTCFullYear()}-12-31`;
  return a.date;
};

export function placeMarks(marks: readonly AnnotationMark[], keys: readonly string[], bucket: Bucket): PlacedMark[] {
  if (keys.length === 0) return [];
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const out: PlacedMark[] = [];
  const sorted = [...marks].sort((a, b) => a.date.localeCompare(b.date));
  for (const mark of sorted) {
    // Annotation dates are calendar days: the reporting zone's buckets that hold them.
    const start = bucketKey(mark.date, bucket, reportZone());
    const end = bucketKey(lastDay(mark), bucket, reportZone());
    if (end < first || start > last) continue;
    const x1 = start < first ? first : start;
    const x2 = end > last ? last : end;
    const row = out.filter((m) => m.x1 === x1).length;
    out.push({ mark, n: out.length + 1, x1, x2: x2 === x1 ? null : x2, row });
  }
  return out;
}
