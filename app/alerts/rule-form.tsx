'use client';
/** Creates an alert rule on the filters brought from the overview (and, if asked, saves them as a view). */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest, type ApiFailure } from '../forms/api-request';
import { cardClass, controlClass, hintClass, labelClass, primaryButton } from '../forms/control-styles';

type Filters = Record<string, string | string[]>;
type TriggerKind = 'each' | 'threshold' | 'spike';

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function RuleForm({
  filters,
  filterSummary,
  canShare,
  views,
}: {
  filters: Filters;
  filterSummary: string;
  canShare: boolean;
  views: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TriggerKind>('each');
  const [f, setF] = useState<Record<string, string>>({
    killedChange: '',
    measure: 'incidents',
    windowHours: '24',
    atLeast: '10',
    currentDays: '7',
    baselineDays: '84',
    maxP: '0.01',
  });
  const [viewId, setViewId] = useState('');
  const [saveView, setSaveView] = useState(false);
  const [shared, setShared] = useState(false);
  const [inApp, setInApp] = useState(true);
  const [browser, setBrowser] = useState(false);
  const [webhook, setWebhook] = useState('');
  const [format, setFormat] = useState('json');
  const [email, setEmail] = useState('');
  const [digest, setDigest] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [secrets, setSecrets] = useState<{ url: string; secret: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF((o) => ({ ...o, [k]: e.target.value }));

  const trigger = () => {
    if (kind === 'each') return { type: 'each', killedChange: num(f.killedChange!) ?? null };
    if (kind === 'threshold')
      return { type: 'threshold', measure: f.measure, windowHours: num(f.windowHours!), atLeast: num(f.atLeast!) };
    return {
      type: 'spike',
      measure: f.measure,
      currentDays: num(f.currentDays!),
      baselineDays: num(f.baselineDays!),
      maxP: num(f.maxP!),
    };
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      let useView: string | null = viewId || null;
      if (saveView && !useView) {
        const v = await apiRequest(
          { method: 'POST', url: '/api/saved-views', body: { name, filters, shared } },
          (b) => (b as { view: { id: string } }).view.id,
        );
        if (!v.ok) return setFailure(v);
        useView = v.data;
      }
      const channels = [
        ...(inApp ? [{ type: 'in_app' }] : []),
        ...(browser ? [{ type: 'browser' }] : []),
        ...(webhook.trim() ? [{ type: 'webhook', url: webhook.trim(), format }] : []),
        ...(email.trim() ? [{ type: 'email', to: email.trim() }] : []),
      ];
      const res = await apiRequest(
        {
          method: 'POST',
          url: '/api/alert-rules',
          body: {
            name,
            viewId: useView,
            ...(useView ? {} : { filters }),
            trigger: trigger(),
            channels,
            digestMinutes: num(digest) ?? null,
          },
        },
        (b) => (b as { secrets: { url: string; secret: string }[] }).secrets,
      );
      if (!res.ok) return setFailure(res);
      setSecrets(res.data);
      setName('');
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className={`${cardClass} space-y-4`} aria-labelledby="new-rule-heading" noValidate>
      <h2 id="new-rule-heading" className="text-lg font-semibold text-fg">
        New alert rule
      </h2>
      <p className="text-sm text-muted">
        On: <span className="text-fg">{filterSummary}</span>. A rule watches what happens from now on; the period of the
        view is only how the overview shows it.
      </p>
      {failure && (
        <div role="alert" className="rounded border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          <p className="font-semibold text-danger">{failure.message}</p>
          <ul className="list-disc pl-5">
            {Object.entries(failure.fields).map(([k, v]) => (
              <li key={k}>
                {k}: {v}
              </li>
            ))}
          </ul>
        </div>
      )}
      {secrets.length > 0 && (
        <div role="status" className="rounded border-2 border-ok bg-ok-soft px-3 py-2 text-sm">
          <p className="font-semibold">Rule created. Webhook signing secret (shown only now):</p>
          {secrets.map((s) => (
            <p key={s.url} className="font-mono break-all">
              {s.url}: {s.secret}
            </p>
          ))}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <label className={labelClass}>
          Rule name
          <input className={controlClass} value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className={labelClass}>
          Trigger
          <select className={controlClass} value={kind} onChange={(e) => setKind(e.target.value as TriggerKind)}>
            <option value="each">Each new matching record</option>
            <option value="threshold">Threshold in a rolling window</option>
            <option value="spike">Spike against the baseline</option>
          </select>
        </label>
      </div>
      {views.length > 0 && (
        <label className={labelClass}>
          Watch a saved view instead
          <select className={controlClass} value={viewId} onChange={(e) => setViewId(e.target.value)}>
            <option value="">The filters above</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'each' && (
        <label className={labelClass}>
          Alert again when a correction changes the killed figure by at least
          <input className={controlClass} inputMode="numeric" value={f.killedChange} onChange={set('killedChange')} />
          <span className={hintClass}>
            Empty: corrections do not alert. A retraction of an alerted record always follows up.
          </span>
        </label>
      )}
      {kind !== 'each' && (
        <div className="grid gap-4 sm:grid-cols-3">
          <label className={labelClass}>
            Measure
            <select className={controlClass} value={f.measure} onChange={set('measure')}>
              <option value="incidents">Incidents</option>
              <option value="killed">Killed (at least)</option>
            </select>
          </label>
          {kind === 'threshold' ? (
            <>
              <label className={labelClass}>
                Window (hours)
                <input
                  className={controlClass}
                  inputMode="numeric"
                  value={f.windowHours}
                  onChange={set('windowHours')}
                />
              </label>
              <label className={labelClass}>
                At or above
                <input className={controlClass} inputMode="numeric" value={f.atLeast} onChange={set('atLeast')} />
              </label>
            </>
          ) : (
            <>
              <label className={labelClass}>
                Current window (days)
                <input
                  className={controlClass}
                  inputMode="numeric"
                  value={f.currentDays}
                  onChange={set('currentDays')}
                />
              </label>
              <label className={labelClass}>
                Baseline before it (days)
                <input
                  className={controlClass}
                  inputMode="numeric"
                  value={f.baselineDays}
                  onChange={set('baselineDays')}
                />
              </label>
              <label className={labelClass}>
                Poisson p at most
                <input className={controlClass} inputMode="decimal" value={f.maxP} onChange={set('maxP')} />
              </label>
            </>
          )}
        </div>
      )}
      <fieldset className="space-y-2">
        <legend className={labelClass}>Channels</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={inApp} onChange={(e) => setInApp(e.target.checked)} /> In the app (the bell)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={browser} onChange={(e) => setBrowser(e.target.checked)} /> System notification
          while the tab is hidden
        </label>
        <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
          <label className={labelClass}>
            Webhook address
            <input
              className={controlClass}
              value={webhook}
              onChange={(e) => setWebhook(e.target.value)}
              placeholder="https://…"
            />
          </label>
          <label className={labelClass}>
            Body
            <select className={controlClass} value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="json">JSON</option>
              <option value="slack">Slack</option>
              <option value="teams">Teams</option>
            </select>
          </label>
        </div>
        <label className={labelClass}>
          Email to
          <input className={controlClass} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className={labelClass}>
          Digest: at most one message per (minutes)
          <input
            className={controlClass}
            inputMode="numeric"
            value={digest}
            onChange={(e) => setDigest(e.target.value)}
          />
        </label>
      </fieldset>
      {!viewId && (
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={saveView} onChange={(e) => setSaveView(e.target.checked)} /> Also save these
            filters as a view under this name
          </label>
          {saveView && canShare && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share the view
              with the team
            </label>
          )}
        </div>
      )}
      <button type="submit" className={primaryButton} disabled={busy}>
        Create rule
      </button>
    </form>
  );
}
