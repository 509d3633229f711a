'use client';
/**
 * After editing names or aliases: re-derive every stored record's group from the actors its source
 * named (POST /api/groups/rematch). Changes are ordinary versioned edits, so open dashboards move live.
 */
import { useState } from 'react';
import { apiRequest } from '../../forms/api-request';
import { secondaryButton } from '../../forms/control-styles';

interface RematchReport {
  checked: number;
  changed: number;
  conflicts: number;
}

const readReport = (v: unknown) => v as RematchReport;

export function RematchButton() {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const run = async () => {
    setState({ busy: true, message: null });
    const r = await apiRequest({ method: 'POST', url: '/api/groups/rematch' }, readReport);
    setState({
      busy: false,
      message: r.ok
        ? `${r.data.changed.toLocaleString('en')} of ${r.data.checked.toLocaleString('en')} records with source actors re-matched (group or named actor)${r.data.conflicts ? `; ${r.data.conflicts} were being edited and are left for the next run` : ''}.`
        : r.message,
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className={secondaryButton} disabled={state.busy} onClick={run}>
        {state.busy ? 'Re-matching…' : 'Re-match stored records to groups'}
      </button>
      <p role="status" className="text-sm text-muted">
        {state.message ?? 'Run after changing names or aliases: records keep the actors their source named.'}
      </p>
    </div>
  );
}
