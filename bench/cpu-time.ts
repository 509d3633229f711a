/**
 * CPU seconds of processes, from /proc/<pid>/stat (utime + stime): on a machine shared with other
 * work the wall clock measures the neighbours too, so throughputs are also given per CPU second of
 * the app's own processes (its server and its PostgreSQL backends).
 */
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

const CLOCK_TICKS = 100;

export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    // Ended meanwhile: not counted.
    return 0;
  }
}

/** CPU seconds per PostgreSQL backend connected to `database` (loopback server only). */
export async function backendCpu(sql: postgres.Sql, database: string): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}

/** Starts a measurement; the returned function gives the CPU seconds used since, per side. */
export async function cpuMeter(
  serverPid: number,
  sql: postgres.Sql,
  database: string,
): Promise<() => Promise<{ server: number; postgres: number }>> {
  const server0 = cpuSeconds(serverPid);
  const pg0 = await backendCpu(sql, database);
  return async () => {
    const pg1 = await backendCpu(sql, database);
    let pg = 0;
    for (const [pid, after] of pg1) pg += after - (pg0.get(pid) ?? 0);
    return { server: cpuSeconds(serverPid) - server0, postgres: pg };
  };
}
