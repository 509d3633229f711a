/**
 * Time buckets in the reporting zone: local hours, days, ISO weeks (starting Monday) and calendar
 * months. A bucket is named by its start instant as ISO 8601, so rollup days and raw timestamps
 * land on the same key; days, weeks and months start at a local day's start (dayStartMs), hours at
 * a local hour's start.
 */
import { grainStart, nextGrainStart } from '../rollup/narrow-rollups';
import { dayStartMs, hourStartMs, localDay } from '../time/report-zone';
import { HOUR_MS } from './period';
import type { Bucket } from './stats-types';

/** The start of the bucket holding `ms`. */
export function bucketStartMs(ms: number, bucket: Bucket, zone: string): number {
  if (bucket === 'hour') return hourStartMs(ms, zone);
  return dayStartMs(grainStart(localDay(ms, zone), bucket), zone);
}

export function nextBucketMs(startMs: number, bucket: Bucket, zone: string): number {
  // An hour bucket is an hour of real time; a local hour skipped or repeated by a clock change
  // is then simply absent or present twice.
  if (bucket === 'hour') return hourStartMs(startMs + HOUR_MS, zone);
  return dayStartMs(nextGrainStart(grainStart(localDay(startMs, zone), bucket), bucket), zone);
}

/** The bucket key of an instant or of a local `YYYY-MM-DD` day. */
export function bucketKey(isoOrDay: string, bucket: Bucket, zone: string): string {
  if (isoOrDay.length === 10) {
    const start = bucket === 'hour' ? isoOrDay : grainStart(isoOrDay, bucket);
    return new Date(dayStartMs(start, zone)).toISOString();
  }
  return new Date(bucketStartMs(Date.parse(isoOrDay), bucket, zone)).toISOString();
}

/** Every bucket overlapping [fromMs, toMs), in order: empty buckets are part of the series. */
export function enumerateBuckets(
  fromMs: number,
  toMs: number,
  bucket: Bucket,
  zone: string,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let s = bucketStartMs(fromMs, bucket, zone); s < toMs;) {
    const end = nextBucketMs(s, bucket, zone);
    out.push({ start: s, end });
    s = end;
  }
  return out;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** How many buckets [fromMs, toMs) spans, without building them (for the size limit). */
export function countBuckets(fromMs: number, toMs: number, bucket: Bucket, zone: string): number {
  if (toMs <= fromMs) return 0;
  if (bucket === 'hour') return Math.floor((toMs - 1 - hourStartMs(fromMs, zone)) / HOUR_MS) + 1;
  const a = grainStart(localDay(fromMs, zone), bucket);
  const b = grainStart(localDay(toMs - 1, zone), bucket);
  if (bucket === 'month')
    return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;
  return Math.round((dayNumber(b) - dayNumber(a)) / (bucket === 'week' ? 7 : 1)) + 1;
}
