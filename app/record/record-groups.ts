/**
 * The groups a record form offers: active groups, plus the record's own group if it has since
 * been retracted (so editing an old record does not silently change its perpetrator).
 */
import type { GroupChoice } from '../forms/group-picker';
import { getRuntime } from '@/server/runtime';

export async function groupChoices(keepId: string | null = null): Promise<GroupChoice[]> {
  const reads = getRuntime().reads;
  const groups = await reads.groups.list();
  const choices: GroupChoice[] = groups.map((g) => ({ id: g.id, shortName: g.shortName, fullName: g.fullName }));
  if (keepId && !choices.some((g) => g.id === keepId)) {
    const kept = await reads.groups.get(keepId);
    if (kept)
      choices.push({
        id: kept.id,
        shortName: kept.shortName,
        fullName: kept.fullName,
        retracted: kept.retractedAt !== null,
      });
  }
  return choices;
}
