'use client';
/**
 * Record or edit an incident. Sections follow how a report reads (when, where, what and who,
 * casualties, sources), every control is reachable by Tab in that order, and Ctrl/Cmd+Enter saves.
 */
import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { INCIDENT_TYPES, INCIDENT_TYPE_INFO, TARGET_LABELS, TARGET_TYPES } from '@/core/enums';
import type { Incident } from '@/core/incident/schema';
import { CasualtyGrid } from '../../forms/casualty-grid';
import { ChoiceRadios, TRI_OPTIONS, VerificationField } from '../../forms/choice-radios';
import { GroupPicker, UNKNOWN_GROUP_LABEL, type GroupChoice } from '../../forms/group-picker';
import { PlaceFields } from '../../forms/place-fields';
import { SourcesField } from '../../forms/sources-field';
import { SelectField, TextAreaField, TextField } from '../../forms/text-fields';
import { flashNotice } from '../../forms/flash-notice';
import { useDraftForm } from '../../forms/use-draft-form';
import { WhenFields } from '../../forms/when-fields';
import { FormSection } from '../form-section';
import { RecordFormFrame } from '../record-form-frame';
import { valueText } from '../record-labels';
import { readCurrentRecord } from '../read-current';
import { useRecordSave } from '../use-record-save';
import {
  emptyIncidentDraft,
  INCIDENT_ITEM_TEMPLATES,
  INCIDENT_LAYOUT,
  incidentInputOf,
  incidentToDraft,
  validateIncident,
  type IncidentDraft,
} from './incident-draft';

export interface IncidentFormProps {
  /** Today in Pakistan, computed on the server so both renders agree. */
  today: string;
  groups: GroupChoice[];
  /** Edits: the record as loaded. */
  incident: Incident | null;
}

export function IncidentForm({ today, groups, incident }: IncidentFormProps) {
  const router = useRouter();
  const initial = useMemo(() => (incident ? incidentToDraft(incident) : emptyIncidentDraft(today)), [incident, today]);
  const form = useDraftForm<IncidentDraft>({
    formKey: incident ? `incident:${incident.id}` : 'incident:new',
    initial,
    base: incident ? { values: initial, version: incident.version } : null,
    validate: validateIncident,
    layout: INCIDENT_LAYOUT,
    itemTemplates: INCIDENT_ITEM_TEMPLATES,
  });
  const onSaved = useCallback(
    (id: string, created: boolean) => {
      flashNotice(created ? 'Incident recorded.' : 'Changes saved.');
      router.push(`/incidents/${id}`);
    },
    [router],
  );
  const saver = useRecordSave<IncidentDraft>({
    form,
    apiBase: '/api/incidents',
    key: 'incident',
    recordId: incident?.id ?? null,
    preserved: incident ? { externalId: incident.externalId, synthetic: incident.synthetic } : {},
    inputOf: incidentInputOf,
    readCurrent: (r) =>
      readCurrentRecord(r, (x) => incidentToDraft(x as unknown as Incident), ['externalId', 'synthetic']),
    onSaved,
  });
  const groupName = useCallback((id: string) => groups.find((g) => g.id === id)?.shortName ?? null, [groups]);
  const text = useCallback((path: string, json: string) => valueText(path, json, groupName), [groupName]);
  const b = form.binding;
  const hasGroup = b.text('groupId') !== '';

  return (
    <RecordFormFrame
      form={form}
      saver={saver}
      layout={INCIDENT_LAYOUT}
      noun="incident"
      submitLabel={incident ? 'Save changes' : 'Record incident'}
      loadedVersion={incident?.version ?? null}
      valueText={text}
    >
      <FormSection title="When">
        <WhenFields form={b} />
      </FormSection>
      <FormSection title="Where">
        <PlaceFields form={b} />
      </FormSection>
      <FormSection title="What and who">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            form={b}
            path="type"
            label="Type of incident"
            required
            placeholder="Choose…"
            options={INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_INFO[t].label }))}
          />
          <SelectField
            form={b}
            path="targetType"
            label="Target"
            options={TARGET_TYPES.map((t) => ({ value: t, label: TARGET_LABELS[t] }))}
          />
          <GroupPicker
            form={b}
            groups={groups}
            hint={hasGroup ? undefined : `${UNKNOWN_GROUP_LABEL} unless a group claimed it or sources attribute it.`}
            onValue={(v) => {
              b.set('groupId', v);
              if (!v) b.set('claimed', false);
            }}
          />
          <TextField
            form={b}
            path="perpetrator"
            label="Perpetrator named by sources (not listed)"
            hint="A group or person the sources name that is not in the group list; kept as written."
            maxLength={300}
          />
          <div className="flex items-end pb-2">
            <label className={`flex items-center gap-2 text-sm ${hasGroup ? 'text-fg' : 'text-faint'}`}>
              <input
                type="checkbox"
                id="f-claimed"
                className="size-4 accent-[var(--accent)]"
                disabled={!hasGroup}
                checked={b.get('claimed') === true}
                onChange={(e) => b.set('claimed', e.target.checked)}
              />
              Claimed
            </label>
          </div>
          <ChoiceRadios
            form={b}
            path="crossBorder"
            legend="Cross-border origin"
            options={TRI_OPTIONS}
            hint="Attackers came from, or fire came across, the Afghan border."
          />
          <ChoiceRadios
            form={b}
            path="foreignNationals"
            legend="Foreign nationals among attackers"
            options={TRI_OPTIONS}
          />
        </div>
      </FormSection>
      <FormSection
        title="Casualties"
        hint="“At least” is the lowest figure sources agree on; add “up to” when reports range higher. Leave 0 where none were reported."
      >
        <CasualtyGrid form={b} />
      </FormSection>
      <FormSection title="Sources and verification">
        <div className="space-y-4">
          <SourcesField form={b} />
          <VerificationField form={b} />
        </div>
      </FormSection>
      <FormSection title="Summary">
        <TextAreaField
          form={b}
          path="summary"
          label="Summary"
          hint="What happened, in a few sentences; say where figures differ between sources."
          maxLength={5000}
          rows={5}
        />
      </FormSection>
    </RecordFormFrame>
  );
}
