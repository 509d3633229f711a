import { RetractInput } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx } from '../ports';
import { retractRecord } from '../versioned-record';
import { incidentKind } from './incident-kind';

export async function retractIncident({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { reason, version } = parseInput(RetractInput, input);
  return retractRecord(ctx, incidentKind, id, reason, version);
}
