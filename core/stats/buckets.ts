/**
 * Time buckets in UTC: hours, days, ISO weeks (starting Monday) and calendar months. A bucket is
 * named by its start instant as ISO 8601, so rollup days and raw timestamps land on the same key.
 */
import { DAY_MS, HOUR_MS } from './period';
import type { Bucket } from './stats-types';

/** The start of the bucket holding `ms`. */
export function bucketStartMs(ms: number, bucket: Bucket): number {
  switch (bucket) {
    case 'hour':
      return Math.floor(ms / HOUR_MS) * HOUR_MS;
    case 'day':
      return Math.floor(ms / DAY_MS) * DAY_MS;
    case 'week': {
      const day = Math.floor(ms / DAY_MS) * DAY_MS;
      // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
      return day - sinceMonday * DAY_MS;
    }
    case 'month': {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    }
  }
}

export function nextBucketMs(startMs: number, bucket: Bucket): number {
  switch (bucket) {
    case 'hour':
      return startMs + HOUR_MS;
    case 'day':
      return startMs + DAY_MS;
    case 'week':
      return startMs + 7 * DAY_MS;
    case 'month': {
      const d = new Date(startMs);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
}

/** The bucket key of an instant or a `YYYY-MM-DD` day. */
export function bucketKey(isoOrDay: string, bucket: Bucket): string {
  const ms = Date.parse(isoOrDay.length === 10 ? `${isoOrDay}T00:00:00Z` : isoOrDay);
  return new Date(bucketStartMs(ms, bucket)).toISOString();
}

/** Every bucket overlapping [fromMs, toMs), in order: empty buckets are part of the series. */
export function enumerateBuckets(fromMs: number, toMs: number, bucket: Bucket): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let s = bucketStartMs(fromMs, bucket); s < toMs; s = nextBucketMs(s, bucket))
    out.push({ start: s, end: nextBucketMs(s, bucket) });
  return out;
}

/** How many buckets [fromMs, toMs) spans, without building them (for the size limit). */
export function countBuckets(fromMs: number, toMs: number, bucket: Bucket): number {
  if (toMs <= fromMs) return 0;
  if (bucket === 'month') {
    const a = new Date(fromMs);
    const b = new Date(toMs - 1);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  const size = bucket === 'hour' ? HOUR_MS : bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  return Math.floor((toMs - 1 - bucketStartMs(fromMs, bucket)) / size) + 1;
}
