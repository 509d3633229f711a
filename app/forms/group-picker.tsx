'use client';
/**
 * The perpetrator (or targeted) group, with "Unknown / unclaimed" as an explicit first choice:
 * most attacks are never claimed, and a blank must mean "not known", not "forgot to fill in".
 */
import { SelectField } from './text-fields';
import type { FormBinding } from './use-draft-form';

export interface GroupChoice {
  id: string;
  shortName: string;
  fullName: string;
  retracted?: boolean;
}

export const UNKNOWN_GROUP_LABEL = 'Unknown / unclaimed';

export const groupLabel = (g: GroupChoice) => `${g.shortName} — ${g.fullName}${g.retracted ? ' (retracted)' : ''}`;

export function GroupPicker({
  form,
  groups,
  label = 'Group',
  hint,
  onValue,
}: {
  form: FormBinding;
  groups: readonly GroupChoice[];
  label?: string;
  hint?: string;
  onValue?: (v: string) => void;
}) {
  return (
    <SelectField
      form={form}
      path="groupId"
      label={label}
      hint={hint}
      placeholder={UNKNOWN_GROUP_LABEL}
      options={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
      onValue={onValue}
    />
  );
}
