/**
 * A record from an API answer (a 409's `current`) checked for the fields the conflict view needs,
 * before the form trusts it. Framework-free.
 */
import type { CurrentVersion } from './use-record-save';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function readCurrentRecord<D>(
  record: unknown,
  toDraft: (r: Record<string, unknown>) => D,
  preservedKeys: readonly string[],
): CurrentVersion<D> | null {
  if (!isObject(record) || typeof record.id !== 'string' || typeof record.version !== 'number') return null;
  let values: D;
  try {
    values = toDraft(record);
  } catch {
    return null;
  }
  return {
    values,
    version: record.version,
    updatedBy: str(record.updatedBy),
    updatedAt: str(record.updatedAt),
    retracted: record.retractedAt ? { by: str(record.retractedBy), reason: str(record.retractionReason) } : null,
    preserved: Object.fromEntries(preservedKeys.map((k) => [k, record[k]])),
  };
}
