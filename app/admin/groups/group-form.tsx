'use client';
/** Create or edit a militant organisation, its aliases and strength estimates. */
import type { Group } from '@/core/group/schema';
import { cardClass } from '../../forms/control-styles';
import { TextAreaField, TextField } from '../../forms/text-fields';
import { FormSection } from '../../record/form-section';
import { RecordFormFrame } from '../../record/record-form-frame';
import { plainValueText, useAdminRecord, type AdminRecordSpec } from '../use-admin-record';
import { EstimatesField } from './estimates-field';
import {
  emptyGroupDraft,
  GROUP_ITEM_TEMPLATES,
  GROUP_LAYOUT,
  groupInputOf,
  groupToDraft,
  validateGroup,
  type GroupDraft,
} from './group-draft';

const SPEC: AdminRecordSpec<GroupDraft, Group> = {
  key: 'group',
  noun: 'group',
  apiBase: '/api/groups',
  listHref: '/admin/groups',
  empty: emptyGroupDraft,
  toDraft: groupToDraft,
  inputOf: groupInputOf,
  validate: validateGroup,
  layout: GROUP_LAYOUT,
  itemTemplates: GROUP_ITEM_TEMPLATES,
};

export function GroupForm({ group }: { group: Group | null }) {
  const { form, saver } = useAdminRecord(SPEC, group);
  const b = form.binding;
  return (
    <RecordFormFrame
      form={form}
      saver={saver}
      layout={GROUP_LAYOUT}
      noun="group"
      submitLabel={group ? 'Save changes' : 'Add group'}
      loadedVersion={group?.version ?? null}
      valueText={plainValueText}
    >
      <FormSection title="Names">
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <TextField
            form={b}
            path="shortName"
            label="Short name"
            required
            hint="As shown on charts, e.g. TTP"
            maxLength={40}
          />
          <TextField form={b} path="fullName" label="Full name" required maxLength={200} />
        </div>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <TextAreaField
            form={b}
            path="aliases"
            label="Aliases"
            rows={3}
            hint="One per line. The ACLED importer matches actors against these."
          />
          <div className="space-y-3">
            <TextField form={b} path="baseCountry" label="Based in" list="group-countries" />
            <label className="flex items-center gap-2 text-sm text-fg">
              <input
                type="checkbox"
                id="f-proscribed"
                className="size-4 accent-[var(--accent)]"
                checked={b.get('proscribed') === true}
                onChange={(e) => b.set('proscribed', e.target.checked)}
              />
              Proscribed in Pakistan
            </label>
            <datalist id="group-countries">
              <option value="Pakistan" />
              <option value="Afghanistan" />
            </datalist>
          </div>
        </div>
      </FormSection>
      <FormSection title="Description">
        <TextAreaField form={b} path="description" label="Description" rows={4} maxLength={2000} />
      </FormSection>
      {/* The estimates field is its own fieldset with a legend: a plain card, not a second title. */}
      <div className={cardClass}>
        <EstimatesField form={b} />
      </div>
    </RecordFormFrame>
  );
}
