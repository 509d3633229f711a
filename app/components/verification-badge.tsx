/** Reported / confirmed / disputed, as a small badge (text carries the meaning, colour helps). */
import type { VerificationStatus } from '@/core/enums';
import { VERIFICATION_LABELS } from './palette';

const BADGE: Record<VerificationStatus, string> = {
  confirmed: 'bg-ok-soft text-ok',
  reported: 'bg-surface-2 text-muted',
  disputed: 'bg-warn-soft text-warn',
};

export function VerificationBadge({ status, large = false }: { status: VerificationStatus; large?: boolean }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 ${large ? 'text-[clamp(0.875rem,0.8vw,1.75rem)]' : 'text-[11px]'} font-semibold tracking-wide whitespace-nowrap uppercase ${BADGE[status]}`}
    >
      {VERIFICATION_LABELS[status]}
    </span>
  );
}
