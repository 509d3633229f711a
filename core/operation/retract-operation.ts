import { RetractInput } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx } from '../ports';
import { retractRecord } from '../versioned-record';
import { operationKind } from './operation-kind';

export async function retractOperation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { reason, version } = parseInput(RetractInput, input);
  return retractRecord(ctx, operationKind, id, reason, version);
}
