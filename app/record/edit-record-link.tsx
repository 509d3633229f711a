/**
 * "Edit" for a record's page, shown to operators and admins only (and never on a retracted record).
 * For the dashboard's /incidents/{id} and /operations/{id}:
 *   <EditRecordLink kind="incident" id={incident.id} retracted={incident.retractedAt !== null} />
 * (The "Incident recorded" notice after a save is shown by the header, on any page.)
 */
import Link from 'next/link';
import { currentPrincipal } from '../sign-in/page-access';

export const mayWrite = async () => {
  const principal = await currentPrincipal();
  return principal !== null && principal.actor.role !== 'viewer';
};

export async function EditRecordLink({
  kind,
  id,
  retracted = false,
}: {
  kind: 'incident' | 'operation';
  id: string;
  retracted?: boolean;
}) {
  if (retracted || !(await mayWrite())) return null;
  return (
    <Link
      href={`/record/${kind}/${id}`}
      className="inline-flex items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-semibold text-fg hover:bg-surface-2"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
      </svg>
      Edit {kind}
    </Link>
  );
}

/** "Retract…": the edit page's retraction section, where the reason is asked for. */
export async function RetractRecordLink({
  kind,
  id,
  retracted = false,
}: {
  kind: 'incident' | 'operation';
  id: string;
  retracted?: boolean;
}) {
  if (retracted || !(await mayWrite())) return null;
  return (
    <Link
      href={`/record/${kind}/${id}#retract-section`}
      className="inline-flex items-center rounded-md border border-danger/60 bg-surface px-3 py-1.5 text-sm font-semibold text-danger hover:bg-danger-soft"
    >
      Retract {kind}
    </Link>
  );
}
