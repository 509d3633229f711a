/** The machine's load average (1, 5, 15 min, from /proc/loadavg), printed beside every figure. */
import { readFileSync } from 'node:fs';

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
