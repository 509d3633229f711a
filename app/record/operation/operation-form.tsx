'use client';
/** Record or edit a security-force operation; same keyboard flow and safeguards as incidents. */
import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { OPERATION_KINDS, OPERATION_KIND_LABELS } from '@/core/enums';
import type { Operation } from '@/core/operation/schema';
import { VerificationField } from '../../forms/choice-radios';
import { GroupPicker, type GroupChoice } from '../../forms/group-picker';
import { PlaceFields } from '../../forms/place-fields';
import { SourcesField } from '../../forms/sources-field';
import { SelectField, TextAreaField, TextField } from '../../forms/text-fields';
import { flashNotice } from '../../forms/flash-notice';
import { useDraftForm } from '../../forms/use-draft-form';
import { WhenFields } from '../../forms/when-fields';
import { FormSection } from '../form-section';
import { readCurrentRecord } from '../read-current';
import { RecordFormFrame } from '../record-form-frame';
import { fieldLabel, valueText } from '../record-labels';
import { useRecordSave } from '../use-record-save';
import {
  emptyOperationDraft,
  OPERATION_COUNTS,
  OPERATION_ITEM_TEMPLATES,
  OPERATION_LAYOUT,
  operationInputOf,
  operationToDraft,
  validateOperation,
  type OperationDraft,
} from './operation-draft';

/** Who announces operations; suggestions only. */
const AGENCIES = [
  'ISPR (Pakistan Army)',
  'Frontier Corps KP',
  'Frontier Corps Balochistan',
  'CTD Khyber Pakhtunkhwa',
  'CTD Balochistan',
  'CTD Punjab',
  'CTD Sindh',
  'KP Police',
  'Balochistan Levies',
  'Pakistan Air Force',
  'Sindh Rangers',
];

export function OperationForm({
  today,
  groups,
  operation,
}: {
  today: string;
  groups: GroupChoice[];
  operation: Operation | null;
}) {
  const router = useRouter();
  const initial = useMemo(
    () => (operation ? operationToDraft(operation) : emptyOperationDraft(today)),
    [operation, today],
  );
  const form = useDraftForm<OperationDraft>({
    formKey: operation ? `operation:${operation.id}` : 'operation:new',
    initial,
    base: operation ? { values: initial, version: operation.version } : null,
    validate: validateOperation,
    layout: OPERATION_LAYOUT,
    itemTemplates: OPERATION_ITEM_TEMPLATES,
  });
  const onSaved = useCallback(
    (id: string, created: boolean) => {
      flashNotice(created ? 'Operation recorded.' : 'Changes saved.');
      router.push(`/operations/${id}`);
    },
    [router],
  );
  const saver = useRecordSave<OperationDraft>({
    form,
    apiBase: '/api/operations',
    key: 'operation',
    recordId: operation?.id ?? null,
    preserved: operation ? { externalId: operation.externalId, synthetic: operation.synthetic } : {},
    inputOf: operationInputOf,
    readCurrent: (r) =>
      readCurrentRecord(r, (x) => operationToDraft(x as unknown as Operation), ['externalId', 'synthetic']),
    onSaved,
  });
  const groupName = useCallback((id: string) => groups.find((g) => g.id === id)?.shortName ?? null, [groups]);
  const text = useCallback((path: string, json: string) => valueText(path, json, groupName), [groupName]);
  const b = form.binding;

  return (
    <RecordFormFrame
      form={form}
      saver={saver}
      layout={OPERATION_LAYOUT}
      noun="operation"
      submitLabel={operation ? 'Save changes' : 'Record operation'}
      loadedVersion={operation?.version ?? null}
      valueText={text}
    >
      <FormSection title="When">
        <WhenFields form={b} />
      </FormSection>
      <FormSection title="Where" hint="Leave the province empty for a nationwide figure.">
        <PlaceFields form={b} provinceOptional />
      </FormSection>
      <FormSection title="What">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            form={b}
            path="kind"
            label="Kind of operation"
            required
            placeholder="Choose…"
            options={OPERATION_KINDS.map((k) => ({ value: k, label: OPERATION_KIND_LABELS[k] }))}
          />
          <TextField
            form={b}
            path="agency"
            label="Agency"
            list="agency-suggestions"
            hint="Who carried it out or announced it"
          />
          <GroupPicker form={b} groups={groups} label="Targeted group" />
          <TextField
            form={b}
            path="count"
            label="Operations in this record"
            inputMode="numeric"
            selectOnFocus
            hint="More than 1 when a source gives a total, e.g. a monthly ISPR figure"
          />
        </div>
        <datalist id="agency-suggestions">
          {AGENCIES.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </FormSection>
      <FormSection title="Results">
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {OPERATION_COUNTS.map((f) => (
            <TextField
              key={f}
              form={b}
              path={f}
              label={fieldLabel(f)}
              inputMode="numeric"
              placeholder="0"
              selectOnFocus
              inputClassName="text-right tabular-nums"
            />
          ))}
        </div>
      </FormSection>
      <FormSection title="Sources and verification">
        <div className="space-y-4">
          <SourcesField form={b} />
          <VerificationField form={b} />
        </div>
      </FormSection>
      <FormSection title="Summary">
        <TextAreaField form={b} path="summary" label="Summary" maxLength={5000} rows={4} />
      </FormSection>
    </RecordFormFrame>
  );
}
