/** Create, update and retract groups; short names are unique (case-insensitively). */
import { RetractInput } from '../common-schemas';
import { parseInput, parsePatch, ValidationError } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, retractRecord, updateRecord, type RecordKind } from '../versioned-record';
import { CreateGroupInput, UpdateGroupInput, type Group } from './schema';

export const groupKind: RecordKind<Group> = {
  entity: 'group',
  label: 'Group',
  schema: CreateGroupInput,
  repo: (tx) => tx.groups,
  async complete(tx, record) {
    const other = await tx.groups.findByShortName(record.shortName);
    if (other && other.id !== record.id)
      throw new ValidationError({ shortName: `"${record.shortName}" is already taken` });
    return record;
  },
};

export async function createGroup({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  return createRecord<Group>(ctx, groupKind, parseInput(CreateGroupInput, input), tx);
}

export async function updateGroup({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { version, ...patch } = parsePatch(UpdateGroupInput, input);
  return updateRecord<Group>(ctx, groupKind, id, version, patch as Partial<Group>);
}

export async function retractGroup({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { reason, version } = parseInput(RetractInput, input);
  return retractRecord(ctx, groupKind, id, reason, version);
}

/** The one parse of a PATCH body (the write verbs in core/write use it). */
export function groupPatch(input: unknown): { version: number; patch: Partial<Group> } {
  const { version, ...patch } = parsePatch(UpdateGroupInput, input);
  return { version, patch: patch as Partial<Group> };
}
