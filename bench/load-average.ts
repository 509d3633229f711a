/** The machine's load average (1, 5, 15 min, from /proc/loadavg), printed beside every figure. */
import { readFileSync } from 'node:fs';

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** Busy and total CPU time of the whole machine so far (jiffies, from /proc/stat), or null. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const n = fields.map(Number);
    const total = n.reduce((a, b) => a + b, 0);
    // idle + iowait are not busy.
    return { busy: total - n[3]! - (n[4] ?? 0), total };
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is quiet: the share of both cores busy over the last second at most
 * `maxBusy` twice in a row, or `maxMs` passed (then it measures anyway and says so). A step must
 * not measure the tail of the one before (a server still stopping, PostgreSQL's autovacuum after an
 * import, a build's workers): the load average lags by a minute and cannot tell. Answers what it
 * saw, for the log.
 */
export async function settle(maxBusy = 0.35, maxMs = 60_000): Promise<string> {
  const started = Date.now();
  let quietInARow = 0;
  let last = cpuTimes();
  let busy = 0;
  if (!last) return 'CPU use unknown';
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuTimes()!;
    busy = (now.busy - last.busy) / Math.max(1, now.total - last.total);
    last = now;
    if (busy <= maxBusy) {
      if (++quietInARow >= 2)
        return `quiet after ${Math.round((Date.now() - started) / 1000)} s (${Math.round(busy * 100)} % busy)`;
    } else quietInARow = 0;
  }
  return `still ${Math.round(busy * 100)} % busy after ${Math.round(maxMs / 1000)} s; measuring anyway`;
}
