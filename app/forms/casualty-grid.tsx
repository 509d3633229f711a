'use client';
/**
 * Killed and injured by category, each an "at least" figure and an optional "up to" figure, as
 * two grids. Cells are text inputs with a numeric keyboard: typing replaces the selected value, a
 * stray letter stays visible with its error instead of being dropped like type="number" does.
 */
import { CASUALTY_CATEGORIES, CASUALTY_LABELS, type CasualtyCategory } from '@/core/enums';
import { casualtyLabel, SIDE_LABELS, type Side } from './casualty-labels';
import { controlClass, legendClass } from './control-styles';
import { controlProps, FieldError } from './field';
import type { FormBinding } from './use-draft-form';

const count = (s: string): number | null => (/^\s*\d[\d,\s]*$/.test(s) ? Number(s.replace(/[,\s]/g, '')) : null);

/** The sum of the boxes filled in; with none filled the side is "not reported", not 0. */
function totalOf(form: FormBinding, side: Side): string {
  let low = 0;
  let high = 0;
  let ranged = false;
  let reported = false;
  for (const c of CASUALTY_CATEGORIES) {
    const l = count(form.text(`casualties.${side}.${c}.low`));
    const h = count(form.text(`casualties.${side}.${c}.high`));
    if (l === null) continue;
    reported = true;
    low += l;
    high += h ?? l;
    if (h !== null) ranged = true;
  }
  if (!reported) return 'not reported';
  return ranged && high !== low ? `${low}–${high}` : String(low);
}

function CountCell({
  form,
  path,
  label,
  placeholder,
}: {
  form: FormBinding;
  path: string;
  label: string;
  placeholder: string;
}) {
  return (
    <input
      {...controlProps(form, path)}
      aria-label={label}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={placeholder}
      className={`${controlClass} px-2 text-right tabular-nums`}
      value={form.text(path)}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => form.set(path, e.target.value)}
      onBlur={() => form.blur(path)}
    />
  );
}

function SideGrid({ form, side }: { form: FormBinding; side: Side }) {
  const paths = CASUALTY_CATEGORIES.flatMap((c) => [`casualties.${side}.${c}.low`, `casualties.${side}.${c}.high`]);
  const messages = paths.map((p) => [p, form.error(p)] as const).filter(([, m]) => m);
  return (
    <fieldset className="min-w-0 rounded-md border border-line p-3">
      <legend className={legendClass}>{SIDE_LABELS[side]}</legend>
      <div className="grid grid-cols-[minmax(0,1fr)_5rem_5rem] items-center gap-x-2 gap-y-1.5 sm:grid-cols-[minmax(0,1fr)_6rem_6rem]">
        <span />
        <span className="text-right text-xs font-medium text-muted" aria-hidden="true">
          at least
        </span>
        <span className="text-right text-xs font-medium text-muted" aria-hidden="true">
          up to
        </span>
        {CASUALTY_CATEGORIES.map((c) => (
          <div key={c} className="contents">
            <span className="text-sm text-fg" aria-hidden="true">
              {CASUALTY_LABELS[c]}
            </span>
            <CountCell
              form={form}
              path={`casualties.${side}.${c}.low`}
              label={casualtyLabel(side, c, 'low')}
              placeholder="—"
            />
            <CountCell
              form={form}
              path={`casualties.${side}.${c}.high`}
              label={casualtyLabel(side, c, 'high')}
              placeholder="–"
            />
          </div>
        ))}
        <span className="border-t border-line pt-1.5 text-sm font-semibold text-fg">Total</span>
        <output
          className="col-span-2 border-t border-line pt-1.5 text-right text-sm font-semibold tabular-nums text-fg"
          aria-live="polite"
          aria-label={`${SIDE_LABELS[side]}, total`}
        >
          {totalOf(form, side)}
        </output>
      </div>
      {messages.length > 0 ? (
        <ul className="mt-2 space-y-1">
          {messages.map(([p, m]) => {
            const [, , c, bound] = p.split('.') as [string, Side, CasualtyCategory, 'low' | 'high'];
            return (
              <li key={p}>
                <FieldError path={p} message={`${casualtyLabel(side, c, bound)}: ${m}`} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </fieldset>
  );
}

export function CasualtyGrid({ form }: { form: FormBinding }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <SideGrid form={form} side="killed" />
      <SideGrid form={form} side="injured" />
    </div>
  );
}
