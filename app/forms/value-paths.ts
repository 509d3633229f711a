/**
 * Reading and writing form values by dotted path ("casualties.killed.civilians.high",
 * "sources.0.url"): the same paths zod and the API use for errors, so one path names a value,
 * its input element and its error message. Framework-free; unit-tested.
 */

export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isRecord(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** A copy of `value` with `path` set; objects and arrays on the way are copied, never mutated. */
export function setPath<T>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = path.split('.');
  const key = head ?? '';
  const child = rest.length === 0 ? next : setPath(getPath(value, key), rest.join('.'), next);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(key)] = child;
    return copy as T;
  }
  return { ...(isRecord(value) ? value : {}), [key]: child } as T;
}

/**
 * Leaf paths and their values as comparable strings. Arrays are leaves (a list of sources is
 * compared and reapplied as a whole: merging two edited lists row by row would invent rows).
 */
export function flatten(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
    return out;
  }
  out[prefix] = JSON.stringify(value ?? null);
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const fa = flatten(a);
  const fb = flatten(b);
  const keys = new Set([...Object.keys(fa), ...Object.keys(fb)]);
  for (const k of keys) if (fa[k] !== fb[k]) return false;
  return true;
}

/**
 * `value` reshaped like `template`: keys the template lacks are dropped, missing or mistyped ones
 * take the template's value. Used on drafts read back from storage, which an older version of the
 * form may have written. `itemTemplates` gives the shape of array items by array path.
 */
export function conform<T>(template: T, value: unknown, itemTemplates: Record<string, unknown> = {}, path = ''): T {
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) return template;
    const item = itemTemplates[path];
    if (item === undefined) return template;
    return value.map((v) => conform(item, v, itemTemplates, `${path}.*`)) as T;
  }
  if (isRecord(template)) {
    if (!isRecord(value)) return template;
    const out: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(template))
      out[k] = conform(t, value[k], itemTemplates, path ? `${path}.${k}` : k);
    return out as T;
  }
  return typeof value === typeof template && value !== null ? (value as T) : template;
}
