'use client';
/**
 * The ACLED API sync for admins: when it last ran and runs next, "Sync now", the account (written,
 * never shown back), the schedule, and the last runs with their reports.
 */
import { useState } from 'react';
import { apiRequest } from '../../forms/api-request';
import {
  cardClass,
  dangerButton,
  hintClass,
  legendClass,
  primaryButton,
  secondaryButton,
} from '../../forms/control-styles';
import { formatWhenYear } from '../../components/time-format';
import { cursorInstant, readSyncStatus, runSummary, type AcledSyncStatus } from './sync-status';
import { SyncNowButton } from './sync-now-button';
import { SyncRunReport } from './sync-run-report';
import { SyncField } from './sync-field';
import { useSyncStatus } from './use-sync-status';

const when = (iso: string | null) => (iso ? formatWhenYear(iso) : '—');

export function SyncOverview({ status }: { status: AcledSyncStatus }) {
  const last = status.runs.find((r) => r.state !== 'running') ?? null;
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted">Last run</dt>
      <dd className="text-fg" data-testid="sync-last-run">
        {last ? `${when(last.finishedAt ?? last.startedAt)} · ${last.state} · ${runSummary(last)}` : 'never'}
      </dd>
      <dt className="text-muted">Next run</dt>
      <dd className="text-fg" data-testid="sync-next-run">
        {status.running
          ? 'a run is going on now'
          : status.nextRunAt
            ? when(status.nextRunAt)
            : status.account.configured
              ? 'not scheduled (the schedule is off)'
              : 'not scheduled (no account)'}
        {status.failures > 0
          ? ` · backing off after ${status.failures} failed run${status.failures > 1 ? 's' : ''}`
          : ''}
      </dd>
      <dt className="text-muted">Synced up to</dt>
      <dd className="text-fg">
        {status.cursor.eventsSince !== null
          ? `changes made by ACLED until ${when(cursorInstant(status.cursor.eventsSince))}`
          : 'nothing yet: the first run reads the whole history (or from the date below)'}
      </dd>
    </dl>
  );
}

function AccountForm({ status, onSaved }: { status: AcledSyncStatus; onSaved: (s: AcledSyncStatus) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    const res = await apiRequest(
      { method: 'POST', url: '/api/acled-sync/account', body: { username, password } },
      readSyncStatus,
    );
    setBusy(false);
    if (!res.ok) {
      setFields(res.fields);
      setMessage(res.message);
      return;
    }
    setFields({});
    setMessage('Saved. The account is stored encrypted and is never shown again.');
    setPassword('');
    setUsername('');
    onSaved(res.data);
  };
  const remove = async () => {
    const res = await apiRequest({ method: 'DELETE', url: '/api/acled-sync/account' }, readSyncStatus);
    if (res.ok) {
      setMessage('Removed. The schedule stops until an account is entered.');
      onSaved(res.data);
    } else setMessage(res.message);
  };
  return (
    <form onSubmit={save} noValidate className={cardClass} aria-labelledby="acled-account-title">
      <h2 id="acled-account-title" className={legendClass}>
        ACLED account
      </h2>
      <p className="mt-1 text-sm text-fg" data-testid="account-state">
        {status.account.configured
          ? `An account is stored (saved ${when(status.account.savedAt)}). Enter another to replace it.`
          : 'No account is stored. Use the myACLED account with API access.'}
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SyncField
          id="acled-username"
          label="Email (myACLED username)"
          type="email"
          autoComplete="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fields.username}
        />
        <SyncField
          id="acled-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
      </div>
      <p className={hintClass}>
        Stored encrypted (AES-256-GCM, key {status.keySource}); used only to ask {status.apiUrl} for a token.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" className={primaryButton} disabled={busy}>
          Save account
        </button>
        {status.account.configured ? (
          <button type="button" className={dangerButton} onClick={remove}>
            Remove account
          </button>
        ) : null}
      </div>
      {message ? (
        <p role="status" className="mt-2 text-sm text-fg">
          {message}
        </p>
      ) : null}
    </form>
  );
}

function ScheduleForm({ status, onSaved }: { status: AcledSyncStatus; onSaved: (s: AcledSyncStatus) => void }) {
  const [enabled, setEnabled] = useState(status.settings.enabled);
  const [hours, setHours] = useState(String(status.settings.intervalHours));
  const [operations, setOperations] = useState(status.settings.operations);
  const [firstFrom, setFirstFrom] = useState(status.settings.firstFrom ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = {
      enabled,
      intervalHours: Number(hours),
      operations,
      firstFrom: firstFrom === '' ? null : firstFrom,
    };
    const res = await apiRequest({ method: 'PATCH', url: '/api/acled-sync', body }, readSyncStatus);
    if (!res.ok) {
      setFields(res.fields);
      setMessage(res.message);
      return;
    }
    setFields({});
    setMessage('Saved.');
    onSaved(res.data);
  };
  return (
    <form onSubmit={save} noValidate className={cardClass} aria-labelledby="acled-schedule-title">
      <h2 id="acled-schedule-title" className={legendClass}>
        Schedule
      </h2>
      <div className="mt-3 space-y-3">
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Sync on a schedule
        </label>
        <SyncField
          id="acled-interval"
          label="Every (hours)"
          type="number"
          min={1}
          max={720}
          width="max-w-32"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={fields.intervalHours}
          hint="ACLED publishes weekly; daily (24) keeps corrections and deletions close behind."
        />
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" checked={operations} onChange={(e) => setOperations(e.target.checked)} />
          Import arrests and strikes by state forces as operations
        </label>
        <SyncField
          id="acled-first-from"
          label="Events dated from (optional)"
          type="date"
          width="max-w-48"
          value={firstFrom}
          onChange={(e) => setFirstFrom(e.target.value)}
          error={fields.firstFrom}
          hint="Empty: all of ACLED’s history for the two countries. Applies to every run: events dated earlier are not asked for, even when ACLED corrects them."
        />
      </div>
      <div className="mt-3">
        <button type="submit" className={secondaryButton}>
          Save schedule
        </button>
      </div>
      {message ? (
        <p role="status" className="mt-2 text-sm text-fg">
          {message}
        </p>
      ) : null}
    </form>
  );
}

export function AcledSyncAdmin() {
  const { status, error, refresh, set } = useSyncStatus();
  const [open, setOpen] = useState<string | null>(null);
  if (!status)
    return <p className="text-sm text-muted">{error ? `The sync status could not be read: ${error}` : 'Loading…'}</p>;
  return (
    <div className="space-y-5">
      <section className={cardClass} aria-labelledby="acled-status-title">
        <h2 id="acled-status-title" className={legendClass}>
          Status
        </h2>
        <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
          <SyncOverview status={status} />
          <SyncNowButton status={status} onStarted={refresh} />
        </div>
      </section>
      <div className="grid gap-5 lg:grid-cols-2">
        <AccountForm status={status} onSaved={set} />
        <ScheduleForm status={status} onSaved={set} />
      </div>
      <section className={cardClass} aria-labelledby="acled-runs-title">
        <h2 id="acled-runs-title" className={legendClass}>
          Last runs
        </h2>
        {status.runs.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No run yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-line" data-testid="sync-runs">
            {status.runs.map((run) => (
              <li key={run.id} className="py-2">
                <button
                  type="button"
                  className="w-full text-left text-sm"
                  aria-expanded={open === run.id}
                  onClick={() => setOpen(open === run.id ? null : run.id)}
                >
                  <span className={run.state === 'failed' ? 'font-semibold text-danger' : 'font-semibold text-fg'}>
                    {when(run.startedAt)} · {run.trigger === 'manual' ? `by ${run.actor}` : 'scheduled'} · {run.state}
                  </span>
                  <span className="block text-muted">{runSummary(run)}</span>
                </button>
                {open === run.id ? (
                  <div className="mt-2">
                    <SyncRunReport run={run} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
