'use client';
/**
 * The view's filters, kept in the URL so a view can be shared: period presets and a custom range,
 * and multi-value pickers (country, province, group, type, target, verification). Changes apply at
 * once (the server renders the new view); without JavaScript the same controls submit as a GET form.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import {
  COUNTRIES,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_TYPE_INFO,
  INCIDENT_TYPES,
  PROVINCE_LABELS,
  PROVINCE_PARENTS,
  PROVINCES,
  TARGET_LABELS,
  TARGET_TYPES,
  VERIFICATION_STATUSES,
} from '@/core/enums';
import { groupIdsToNames } from '@/core/group/group-ref';
import { OTHER_GROUP, OTHER_GROUP_LABEL, UNKNOWN_GROUP, UNKNOWN_GROUP_LABEL } from '@/core/rollup/incident-rollup';
import { PERIOD_PRESETS, PRESET_LABELS } from '@/core/stats/period';
import { isDefaultCategories, LIST_FILTER_KEYS, viewToParams, type ViewQuery } from '@/core/stats/query-params';
import { VERIFICATION_LABELS } from './palette';
import { localDateTime, localTimeMs } from '@/core/time/report-zone';
import { reportZone, zoneLabel } from './report-zone';

export type FilterField = (typeof LIST_FILTER_KEYS)[number];

interface Option {
  value: string;
  label: string;
}

export interface FilterBarProps {
  action: string;
  view: ViewQuery;
  groups: { id: string; name: string }[];
  fields?: readonly FilterField[];
  /** Page parameters to keep across filter changes (e.g. the table's sort). */
  keep?: Record<string, string>;
}

const FIELD_LABELS: Record<FilterField, string> = {
  country: 'Country',
  province: 'Province',
  group: 'Group',
  type: 'Type',
  category: 'Category',
  target: 'Target',
  status: 'Status',
};

function MultiSelect({
  field,
  options,
  selected,
  onChange,
  parents = [],
}: {
  field: FilterField;
  options: Option[];
  selected: string[];
  onChange: (v: string[]) => void;
  /** Choices that stand for several values at once ("Khyber Pakhtunkhwa (all)"). */
  parents?: readonly { label: string; members: readonly string[] }[];
}) {
  const label = FIELD_LABELS[field];
  const parent = parents.find(
    (p) => p.members.length === selected.length && p.members.every((m) => selected.includes(m)),
  );
  const shown =
    selected.length === 0
      ? 'All'
      : parent
        ? parent.label
        : selected.length === 1
          ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
          : `${selected.length} selected`;
  return (
    // On a phone the menu spans the filter bar (the form), so it never runs off the screen.
    <details className="group max-sm:static sm:relative" data-filter>
      <summary
        className={`flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border px-2.5 text-sm select-none ${selected.length ? 'border-accent bg-accent-soft text-fg' : 'border-line bg-surface text-fg'} hover:border-line-strong`}
      >
        <span className="text-muted">{label}:</span>
        <span className="max-w-40 truncate font-medium" title={shown}>
          {shown}
        </span>
        <span aria-hidden className="text-faint group-open:rotate-180">
          ▾
        </span>
      </summary>
      <fieldset className="absolute z-30 mt-1 max-h-80 w-64 overflow-auto max-sm:inset-x-0 max-sm:w-auto rounded-lg border border-line bg-surface p-2 shadow-lg">
        <legend className="sr-only">{label}</legend>
        {parents.map((p) => {
          const all = p.members.every((m) => selected.includes(m));
          return (
            <label
              key={p.label}
              className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm font-semibold text-fg hover:bg-surface-2"
            >
              <input
                type="checkbox"
                checked={all}
                onChange={() =>
                  onChange(
                    all
                      ? selected.filter((v) => !p.members.includes(v))
                      : [...selected, ...p.members.filter((m) => !selected.includes(m))],
                  )
                }
                className="accent-[var(--accent)]"
              />
              {p.label}
            </label>
          );
        })}
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm text-fg hover:bg-surface-2"
          >
            <input
              type="checkbox"
              name={field}
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
              className="accent-[var(--accent)]"
            />
            {o.label}
          </label>
        ))}
        {selected.length > 0 && (
          <button
            type="button"
            className="mt-1 w-full rounded px-1.5 py-1 text-left text-xs text-accent hover:bg-surface-2"
            onClick={() => onChange([])}
          >
            Clear {label.toLowerCase()}
          </button>
        )}
      </fieldset>
    </details>
  );
}

/**
 * `YYYY-MM-DDTHH:mm` in the reporting zone (not the browser's), for datetime-local inputs: a user
 * in London and one in Lahore typing the same range pick the same instants.
 */
const toLocalInput = (iso: string | undefined) => (iso ? localDateTime(iso, reportZone()) : '');
const fromLocalInput = (value: string) => new Date(localTimeMs(value, reportZone())).toISOString();

export function FilterBar({ action, view, groups, fields = LIST_FILTER_KEYS, keep = {} }: FilterBarProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [custom, setCustom] = useState(false);
  const root = useRef<HTMLFormElement>(null);

  // One picker open at a time; Escape or a click outside closes it.
  useEffect(() => {
    const close = (except?: EventTarget | null) =>
      root.current?.querySelectorAll<HTMLDetailsElement>('details[data-filter][open]').forEach((d) => {
        if (!(except instanceof Node) || !d.contains(except)) d.open = false;
      });
    const onClick = (e: MouseEvent) => close(e.target);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const go = (next: ViewQuery) => {
    const p = groupIdsToNames(
      viewToParams(next),
      groups.map((g) => ({ id: g.id, shortName: g.name })),
    );
    for (const [k, v] of Object.entries(keep)) p.set(k, v);
    startTransition(() => router.push(`${action}?${p.toString()}`, { scroll: false }));
  };
  const setField = (field: FilterField, values: string[]) =>
    go({ ...view, filter: { ...view.filter, [field]: values.length ? values : undefined } as ViewQuery['filter'] });

  const options: Record<FilterField, Option[]> = {
    country: COUNTRIES.map((c) => ({ value: c, label: c })),
    province: PROVINCES.map((p) => ({ value: p, label: PROVINCE_LABELS[p] })),
    group: [
      ...groups.map((g) => ({ value: g.id, label: g.name })),
      { value: OTHER_GROUP, label: OTHER_GROUP_LABEL },
      { value: UNKNOWN_GROUP, label: UNKNOWN_GROUP_LABEL },
    ],
    type: INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_INFO[t].label })),
    category: INCIDENT_CATEGORIES.map((c) => ({ value: c, label: INCIDENT_CATEGORY_LABELS[c] })),
    target: TARGET_TYPES.map((t) => ({ value: t, label: TARGET_LABELS[t] })),
    status: VERIFICATION_STATUSES.map((s) => ({ value: s, label: VERIFICATION_LABELS[s] })),
  };

  const applyCustom = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    go({
      preset: null,
      filter: {
        ...view.filter,
        from: from ? fromLocalInput(from) : undefined,
        to: to ? fromLocalInput(to) : undefined,
      },
    });
  };

  const anyFilter = fields.some(
    (f) => (view.filter[f]?.length ?? 0) > 0 && !(f === 'category' && isDefaultCategories(view.filter.category)),
  );
  return (
    <form
      ref={root}
      action={action}
      method="get"
      aria-label="Filters"
      aria-busy={pending}
      className={`relative flex flex-wrap items-center gap-2 transition-opacity ${pending ? 'opacity-60' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        applyCustom(e.currentTarget);
      }}
    >
      <div role="group" aria-label="Period" className="flex flex-wrap rounded-lg border border-line bg-surface p-0.5">
        {PERIOD_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={view.preset === p}
            onClick={() => go({ preset: p, filter: { ...view.filter, from: undefined, to: undefined } })}
            className={`h-7 rounded-md px-2.5 text-sm font-medium ${view.preset === p ? 'bg-fg text-surface' : 'text-muted hover:bg-surface-2 hover:text-fg'}`}
          >
            {PRESET_LABELS[p]}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={view.preset === null}
          aria-expanded={custom}
          onClick={() => setCustom((c) => !c)}
          className={`h-7 rounded-md px-2.5 text-sm font-medium ${view.preset === null ? 'bg-fg text-surface' : 'text-muted hover:bg-surface-2 hover:text-fg'}`}
        >
          Custom…
        </button>
      </div>
      {custom && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-surface px-2 py-1">
          <span className="text-xs text-muted">Times in {zoneLabel()}</span>
          <label className="flex items-center gap-1 text-sm text-muted">
            From
            <input
              type="datetime-local"
              name="from"
              defaultValue={toLocalInput(view.filter.from)}
              className="h-7 rounded border border-line bg-surface px-1 text-fg"
            />
          </label>
          <label className="flex items-center gap-1 text-sm text-muted">
            To
            <input
              type="datetime-local"
              name="to"
              defaultValue={toLocalInput(view.filter.to)}
              className="h-7 rounded border border-line bg-surface px-1 text-fg"
            />
          </label>
          <button type="submit" className="h-7 rounded-md bg-accent px-3 text-sm font-medium text-surface">
            Apply
          </button>
        </div>
      )}
      {fields.map((f) => (
        <MultiSelect
          key={f}
          field={f}
          options={options[f]}
          selected={view.filter[f] ?? []}
          onChange={(v) => setField(f, v)}
          parents={f === 'province' ? PROVINCE_PARENTS : undefined}
        />
      ))}
      {anyFilter && (
        <button
          type="button"
          onClick={() => go({ preset: view.preset, filter: { from: view.filter.from, to: view.filter.to } })}
          className="h-8 px-1 text-sm text-accent hover:underline"
        >
          Clear filters
        </button>
      )}
      <noscript>
        <button type="submit" className="h-8 rounded-md border border-line px-3 text-sm">
          Apply
        </button>
      </noscript>
    </form>
  );
}
