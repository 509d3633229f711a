'use client';
/**
 * When it happened: a date, an optional time in the reporting zone (PKT by default, as Pakistani
 * sources report them), and how precisely it is known. Typing a time makes the precision
 * "exact"; clearing it goes back to "day".
 */
import { TIME_PRECISIONS, type TimePrecision } from '@/core/enums';
import { occurredAtOf, PRECISION_LABELS } from './when-values';
import { zoneLabel } from '../components/report-zone';
import { SelectField, TextField } from './text-fields';
import type { FormBinding } from './use-draft-form';

function utcNote(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const t = new Date(occurredAtOf(date, time, 'exact'));
  if (Number.isNaN(t.getTime())) return undefined;
  return `= ${t.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function WhenFields({ form }: { form: FormBinding }) {
  const precision = form.text('timePrecision') as TimePrecision;
  const date = form.text('occurredDate');
  const time = form.text('occurredTime');
  const setTime = (path: string, value: unknown) => {
    form.set(path, value);
    if (value && precision !== 'exact') form.set('timePrecision', 'exact');
    if (!value && precision === 'exact') form.set('timePrecision', 'day');
  };
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <TextField form={form} path="occurredDate" label="Date" type="date" required />
      <TextField
        form={{ ...form, set: setTime }}
        path="occurredTime"
        label={`Time (${zoneLabel()})`}
        type="time"
        hint={utcNote(date, time) ?? 'Leave empty when only the day is known'}
      />
      <SelectField
        form={form}
        path="timePrecision"
        label="Time precision"
        options={TIME_PRECISIONS.map((p) => ({ value: p, label: PRECISION_LABELS[p] }))}
      />
    </div>
  );
}
