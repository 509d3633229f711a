/**
 * An edit that met a newer version (HTTP 409): compare what the operator typed with the record as it
 * is now, and carry the operator's own changes (relative to the version they started from) over to
 * the current version, so nobody's edit is lost and nothing is overwritten silently.
 * Framework-free; unit-tested.
 */
import { flatten, getPath, setPath } from './value-paths';

export interface DiffRow {
  path: string;
  mine: string;
  current: string;
  /** The operator changed this field from the version they started from. */
  changedByMe: boolean;
  /** Someone else changed it meanwhile. */
  changedByThem: boolean;
  /** Yours and current differ here. */
  differs: boolean;
}

/** One row per leaf path of the three versions, in the order of `order` (unknown paths last). */
export function compareVersions(
  base: unknown,
  mine: unknown,
  current: unknown,
  order: readonly string[] = [],
): DiffRow[] {
  const b = flatten(base);
  const m = flatten(mine);
  const c = flatten(current);
  const paths = [...new Set([...Object.keys(m), ...Object.keys(c)])];
  const rank = (p: string) => {
    const i = order.findIndex((o) => p === o || p.startsWith(`${o}.`));
    return i < 0 ? order.length : i;
  };
  paths.sort((x, y) => rank(x) - rank(y));
  const none = JSON.stringify(null);
  return paths.map((path) => ({
    path,
    mine: m[path] ?? none,
    current: c[path] ?? none,
    changedByMe: (m[path] ?? none) !== (b[path] ?? none),
    changedByThem: (c[path] ?? none) !== (b[path] ?? none),
    differs: (m[path] ?? none) !== (c[path] ?? none),
  }));
}

/** The paths where the operator's values differ from the version they started from. */
export function myChanges(base: unknown, mine: unknown): string[] {
  return compareVersions(base, mine, base)
    .filter((r) => r.changedByMe)
    .map((r) => r.path);
}

/** The current version with the operator's changes applied on top (theirs kept everywhere else). */
export function reapplyChanges<T>(base: T, mine: T, current: T): T {
  let out = current;
  for (const path of myChanges(base, mine)) out = setPath(out, path, getPath(mine, path));
  return out;
}
