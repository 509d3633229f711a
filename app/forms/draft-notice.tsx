'use client';
/** "Draft restored · discard": tells the operator the form holds what they typed before. */
import { linkButton } from './control-styles';
import { formatWhenYear } from '../components/time-format';

export function DraftNotice(props: {
  savedAt: string;
  staleVersion?: { draft: number; current: number } | null;
  onDiscard(): void;
  onDismiss(): void;
}) {
  const { savedAt, staleVersion, onDiscard, onDismiss } = props;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-warn bg-warn-soft px-4 py-2.5 text-sm text-fg"
    >
      <span>
        <strong className="font-semibold">Draft restored</strong> · from {formatWhenYear(savedAt)}
        {staleVersion
          ? ` · started on version ${staleVersion.draft}, the record is now at version ${staleVersion.current}: saving will show you both`
          : ''}
      </span>
      <span className="flex gap-3">
        <button type="button" className={linkButton} onClick={onDiscard}>
          Discard draft
        </button>
        <button type="button" className={linkButton} onClick={onDismiss}>
          Keep
        </button>
      </span>
    </div>
  );
}
