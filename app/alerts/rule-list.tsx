'use client';
/** The user's rules: what each watches and where it sends, with enable/disable and delete. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { AlertRule } from '@/core/alert/schema';
import { secondaryButton, dangerButton } from '../forms/control-styles';

function triggerText(r: AlertRule): string {
  const t = r.trigger;
  if (t.type === 'each')
    return `each new ${t.entity}${t.killedChange ? `; corrections of ±${t.killedChange} killed` : ''}`;
  if (t.type === 'threshold') return `${t.measure} in ${t.windowHours} h ≥ ${t.atLeast}`;
  return `${t.measure} spike: last ${t.currentDays} d vs the ${t.baselineDays} d before (Poisson p ≤ ${t.maxP}, ratio ≥ ${t.minRatio})`;
}

export function RuleList({ rules }: { rules: AlertRule[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const act = async (url: string, method: 'PATCH' | 'DELETE', body?: unknown) => {
    setError(null);
    const res = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
    }).catch(() => null);
    if (!res?.ok) setError(`That did not work (${res?.status ?? 'no connection'}); reload and try again.`);
    router.refresh();
  };
  return (
    <section aria-labelledby="rules-heading" className="space-y-2">
      <h2 id="rules-heading" className="text-lg font-semibold text-fg">
        Your rules
      </h2>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {rules.length === 0 ? (
        <p className="text-sm text-muted">No rules yet.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
          {rules.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="min-w-0">
                <p className="font-medium text-fg">
                  {r.name} {!r.enabled && <span className="text-xs text-muted">(off)</span>}
                </p>
                <p className="text-xs text-muted">
                  {triggerText(r)} → {r.channels.map((c) => c.type.replace('_', '-')).join(', ')}
                  {r.digestMinutes ? `; digest every ${r.digestMinutes} min` : ''}
                </p>
              </div>
              <div className="flex gap-2">
                <button
                  type="button"
                  className={secondaryButton}
                  onClick={() => act(`/api/alert-rules/${r.id}`, 'PATCH', { version: r.version, enabled: !r.enabled })}
                >
                  {r.enabled ? 'Turn off' : 'Turn on'}
                </button>
                <button
                  type="button"
                  className={dangerButton}
                  onClick={() => act(`/api/alert-rules/${r.id}`, 'DELETE')}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
