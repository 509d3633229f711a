/** A titled card of a record form: a fieldset, so its legend names every control in it. */
import type { ReactNode } from 'react';
import { cardClass, hintClass, legendClass } from '../forms/control-styles';

export function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className={`${cardClass} min-w-0`}>
      {/* Floated so the legend sits inside the card's padding like a heading, not on its border. */}
      <legend className={`${legendClass} float-left mb-3 w-full`}>{title}</legend>
      {hint ? <p className={`${hintClass} clear-both -mt-2 mb-3`}>{hint}</p> : null}
      <div className="clear-both">{children}</div>
    </fieldset>
  );
}
