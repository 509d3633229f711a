'use client';
/**
 * The record changed while the operator was editing (HTTP 409). Both versions side by side, field
 * by field, differences highlighted and marked with who changed them; one click carries the
 * operator's own changes over to the current version. Nothing is overwritten without them seeing it.
 */
import { useEffect, useRef, useState } from 'react';
import { cardClass, linkButton, primaryButton, secondaryButton } from './control-styles';
import type { DiffRow } from './version-diff';
import { formatWhenYear } from '../components/time-format';

export interface ConflictViewProps {
  noun: string;
  rows: DiffRow[];
  label(path: string): string;
  text(path: string, json: string): string;
  baseVersion: number;
  current: {
    version: number;
    updatedBy: string | null;
    updatedAt: string | null;
    retracted: { by: string | null; reason: string | null } | null;
  };
  onReapply(): void;
  onTakeCurrent(): void;
}

function Marker({ row }: { row: DiffRow }) {
  const who =
    row.changedByMe && row.changedByThem
      ? 'both changed'
      : row.changedByMe
        ? 'you changed'
        : row.changedByThem
          ? 'they changed'
          : null;
  if (!who) return null;
  const tone = row.changedByMe && row.changedByThem ? 'border-danger text-danger' : 'border-warn text-warn';
  return (
    <span className={`ml-2 inline-block rounded border px-1.5 text-[11px] font-semibold whitespace-nowrap ${tone}`}>
      {who}
    </span>
  );
}

export function ConflictView(props: ConflictViewProps) {
  const { noun, rows, label, text, baseVersion, current, onReapply, onTakeCurrent } = props;
  const [showAll, setShowAll] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const differing = rows.filter((r) => r.differs);
  const mine = rows.filter((r) => r.changedByMe).length;
  const shown = showAll ? rows : differing;
  const by = current.updatedBy ? ` by ${current.updatedBy}` : '';
  const at = current.updatedAt ? ` on ${formatWhenYear(current.updatedAt)}` : '';

  return (
    <section aria-labelledby="conflict-title" className={`${cardClass} border-2 border-warn`}>
      <h2 id="conflict-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-fg outline-none">
        {current.retracted
          ? `This ${noun} was retracted while you were editing`
          : `This ${noun} was changed while you were editing`}
      </h2>
      <p className="mt-1 text-sm text-muted">
        You started from version {baseVersion}; version {current.version} was saved{by}
        {at}. Nothing of yours was saved yet, and nothing was overwritten.
      </p>
      {current.retracted ? (
        <p className="mt-2 rounded-md bg-danger-soft px-3 py-2 text-sm text-fg">
          Retracted{current.retracted.by ? ` by ${current.retracted.by}` : ''}: “
          {current.retracted.reason ?? 'no reason given'}”. A retracted {noun} can no longer be edited.
        </p>
      ) : null}

      <div className="mt-4 overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="sr-only">Your version and the current version, field by field</caption>
          <thead>
            <tr className="border-b border-line-strong text-left text-xs text-muted">
              <th scope="col" className="py-2 pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Your version
              </th>
              <th scope="col" className="py-2 font-medium">
                Current version ({current.version})
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.path}
                className={`border-b border-line align-top ${r.differs ? 'bg-warn-soft' : ''}`}
                data-differs={r.differs || undefined}
              >
                <th scope="row" className="py-2 pr-3 text-left font-medium text-fg">
                  {label(r.path)}
                  <Marker row={r} />
                </th>
                <td
                  className={`py-2 pr-3 whitespace-pre-line ${r.changedByMe ? 'font-semibold text-fg' : 'text-muted'}`}
                >
                  {text(r.path, r.mine)}
                </td>
                <td className={`py-2 whitespace-pre-line ${r.changedByThem ? 'font-semibold text-fg' : 'text-muted'}`}>
                  {text(r.path, r.current)}
                </td>
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={3} className="py-3 text-muted">
                  Your version and the current one are the same.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className={`${linkButton} mt-2`}
        onClick={() => setShowAll((s) => !s)}
        aria-pressed={showAll}
      >
        {showAll ? `Show only the ${differing.length} differences` : `Show all ${rows.length} fields`}
      </button>

      <div className="mt-4 flex flex-wrap gap-3">
        {!current.retracted ? (
          <button type="button" className={primaryButton} onClick={onReapply}>
            Reapply my {mine === 1 ? 'change' : `${mine} changes`} on version {current.version}
          </button>
        ) : null}
        <button type="button" className={secondaryButton} onClick={onTakeCurrent}>
          {current.retracted ? 'Discard my changes' : `Discard mine, load version ${current.version}`}
        </button>
      </div>
      {!current.retracted ? (
        <p className="mt-2 text-xs text-muted">
          Reapplying puts your changes into the form on top of version {current.version}; check them, then save.
        </p>
      ) : null}
    </section>
  );
}
