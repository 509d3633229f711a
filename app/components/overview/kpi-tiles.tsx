/**
 * KPI tiles: each figure of the period with its change against the previous equal period. Tiles
 * have fixed heights so numbers arriving live never move the page. Rising incidents and
 * casualties read as bad (danger), falling as good; operations are neutral.
 */
import {
  CASUALTY_CATEGORIES,
  CASUALTY_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  MILITANT_CATEGORIES,
  type IncidentCategory,
} from '@/core/enums';
import { changeAgainst } from '@/core/stats/summary';
import type { CasualtySummary, PeriodSummary, StatsSummary, TriStateShare } from '@/core/stats/stats-types';
import { CATEGORY_COLORS } from '../palette';
import { formatBig, formatCount, formatRatio, formatShare, missingNote } from '../number-format';

type Tone = 'bad-when-up' | 'neutral';

function Delta({
  current,
  previous,
  tone,
  periodLabel,
}: {
  current: number;
  previous: number | null;
  tone: Tone;
  periodLabel: string;
}) {
  if (previous === null) return <p className="h-5 text-xs text-muted">All recorded time</p>;
  const c = changeAgainst(current, previous);
  const color =
    c.direction === 'flat' || tone === 'neutral' ? 'text-muted' : c.direction === 'up' ? 'text-danger' : 'text-ok';
  const arrow = c.direction === 'up' ? '▲' : c.direction === 'down' ? '▼' : '■';
  return (
    <p className="min-h-5 text-xs break-words text-muted">
      <span className={`font-semibold ${color}`}>
        <span aria-hidden>{arrow}</span> {formatRatio(c.ratio, c.delta)}
      </span>{' '}
      vs prev. {periodLabel} ({formatCount(previous)})
    </p>
  );
}

/** What each tile counts, shown as its tooltip: a number on screen is a claim. */
const HINTS: Record<string, string> = {
  Incidents: 'Militant attacks recorded in this view and period; retracted records are not counted.',
  'Killed in incidents':
    'People killed in those incidents: the sum of each record\'s "at least" figure, and of "up to" where sources give a range. Deaths in operations are not included.',
  'Injured in incidents': 'People injured in those incidents, summed the same way as the killed.',
  Operations: 'Security-force operations in this period; one record may stand for a published total of many.',
  'Militants killed in operations': 'Militants reported killed in those operations, with the arrests beside them.',
  'Security forces lost in operations': 'Security personnel killed (and injured) in those operations.',
  'Cross-border origin':
    'Share of incidents whose attackers came from, or whose fire came across, the Afghan border, among incidents where this is known.',
  'Foreign nationals among attackers': 'Share of incidents with foreign nationals among the attackers, where known.',
};

function Tile({
  label,
  children,
  className = 'lg:col-span-3 print:col-span-3',
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-label={label}
      title={HINTS[label]}
      className={`flex min-h-36 min-w-0 flex-col justify-between gap-1 rounded-xl border border-line bg-surface p-4 shadow-card ${className}`}
    >
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</h3>
      {children}
    </section>
  );
}

function Big({ value, sub }: { value: number; sub?: string }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <span className="text-3xl font-semibold tracking-tight text-fg tabular-nums">{formatBig(value)}</span>
      {sub && <span className="text-sm text-muted">{sub}</span>}
    </p>
  );
}

/** The four categories as one stacked bar with the numbers beside it (the numbers are the data). */
function CategoryBar({ c, incidents }: { c: CasualtySummary; incidents: number }) {
  const total = c.total.low;
  return (
    <div>
      <div className="flex h-1.5 overflow-hidden rounded-full bg-surface-2" aria-hidden>
        {total > 0 &&
          CASUALTY_CATEGORIES.map((k) => (
            <span
              key={k}
              style={{ width: `${(c.byCategory[k].low / total) * 100}%`, background: CATEGORY_COLORS[k] }}
            />
          ))}
      </div>
      <ul className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted">
        {CASUALTY_CATEGORIES.map((k) => (
          <li key={k} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: CATEGORY_COLORS[k] }} />
            {CASUALTY_LABELS[k]}{' '}
            <span
              className="font-medium text-fg tabular-nums"
              title={missingNote(c.byCategory[k].missing, `a ${CASUALTY_LABELS[k].toLowerCase()} figure`) || undefined}
            >
              {/* No incident gives this category: "—", not a measured 0. */}
              {c.byCategory[k].missing > 0 && c.byCategory[k].missing === incidents && c.byCategory[k].low === 0
                ? '—'
                : formatCount(c.byCategory[k].low)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Casualties({
  label,
  pick,
  s,
  prev,
  periodLabel,
}: {
  label: string;
  pick: 'killed' | 'injured';
  s: PeriodSummary;
  prev: PeriodSummary | null;
  periodLabel: string;
}) {
  const c = s[pick];
  const upTo = c.total.high > c.total.low ? `up to ${formatCount(c.total.high)}` : undefined;
  const missing = missingNote(c.total.missing, pick === 'killed' ? 'a killed figure' : 'an injured figure');
  return (
    <Tile label={label} className="col-span-2 lg:col-span-4 print:col-span-4">
      <div className="flex flex-wrap items-end justify-between gap-x-4">
        <Big value={c.total.low} sub={upTo ? `at least · ${upTo}` : 'at least'} />
        <Delta
          current={c.total.low}
          previous={prev ? prev[pick].total.low : null}
          tone="bad-when-up"
          periodLabel={periodLabel}
        />
      </div>
      {missing && <p className="text-xs text-muted">at least · {missing}</p>}
      <CategoryBar c={c} incidents={s.incidents} />
    </Tile>
  );
}

/** Operation records that give no such figure: the totals above are "at least". */
function OperationsMissing({ notes }: { notes: string[] }) {
  const text = notes.filter(Boolean).join(' · ');
  return text ? (
    <p className="truncate text-xs text-muted" title={text}>
      {text}
    </p>
  ) : null;
}

function Share({ label, s, prevShare }: { label: string; s: TriStateShare; prevShare: number | null | undefined }) {
  const known = s.yes + s.no;
  return (
    <Tile label={label}>
      <p className="text-3xl font-semibold tracking-tight text-fg tabular-nums">{formatShare(s.share)}</p>
      <p className="text-xs text-muted">
        {known > 0
          ? `${formatCount(s.yes)} of ${formatCount(known)} incidents where known`
          : 'Not known for any incident'}
        <span className="block">
          {formatCount(s.unknown)} unknown
          {prevShare !== undefined && prevShare !== null ? ` · previous ${formatShare(prevShare)}` : ''}
        </span>
      </p>
    </Tile>
  );
}

/** Which categories the figures count, and which they leave out: a number on screen is a claim. */
export function CountedCategories({ categories }: { categories: readonly IncidentCategory[] }) {
  const counted = INCIDENT_CATEGORIES.filter((c) => categories.includes(c));
  const left = INCIDENT_CATEGORIES.filter((c) => !categories.includes(c));
  return (
    <p className="col-span-2 text-xs text-muted lg:col-span-12 print:col-span-12" data-testid="counted-categories">
      Incident figures count:{' '}
      <span className="font-medium text-fg">{counted.map((c) => INCIDENT_CATEGORY_LABELS[c]).join(', ')}</span>
      {left.length > 0 && (
        <> · not counted: {left.map((c) => INCIDENT_CATEGORY_LABELS[c]).join(', ')} (choose them under Category)</>
      )}
    </p>
  );
}

export function KpiTiles({ summary, periodLabel }: { summary: StatsSummary; periodLabel: string }) {
  const s = summary.current;
  const p = summary.previous;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-12 print:grid-cols-12 print:gap-2" data-kpi-tiles>
      <CountedCategories categories={summary.categories ?? MILITANT_CATEGORIES} />
      <Tile label="Incidents" className="lg:col-span-2 print:col-span-2">
        <Big value={s.incidents} />
        <Delta current={s.incidents} previous={p?.incidents ?? null} tone="bad-when-up" periodLabel={periodLabel} />
      </Tile>
      <Casualties label="Killed in incidents" pick="killed" s={s} prev={p} periodLabel={periodLabel} />
      <Casualties label="Injured in incidents" pick="injured" s={s} prev={p} periodLabel={periodLabel} />
      <Tile label="Operations" className="lg:col-span-2 print:col-span-2">
        <Big value={s.operations.operations} sub={`${formatCount(s.operations.records)} records`} />
        <Delta
          current={s.operations.operations}
          previous={p?.operations.operations ?? null}
          tone="neutral"
          periodLabel={periodLabel}
        />
      </Tile>
      <Tile label="Militants killed in operations">
        <Big value={s.operations.militantsKilled} sub={`${formatCount(s.operations.militantsArrested)} arrested`} />
        <OperationsMissing
          notes={[
            missingNote(s.operations.missing.militantsKilled, 'a killed figure', 'record'),
            missingNote(s.operations.missing.militantsArrested, 'an arrested figure', 'record'),
          ]}
        />
        <Delta
          current={s.operations.militantsKilled}
          previous={p?.operations.militantsKilled ?? null}
          tone="neutral"
          periodLabel={periodLabel}
        />
      </Tile>
      <Tile label="Security forces lost in operations">
        <Big
          value={s.operations.securityKilled}
          sub={`killed · ${formatCount(s.operations.securityInjured)} injured`}
        />
        <OperationsMissing
          notes={[
            missingNote(s.operations.missing.securityKilled, 'a killed figure', 'record'),
            missingNote(s.operations.missing.securityInjured, 'an injured figure', 'record'),
          ]}
        />
        <Delta
          current={s.operations.securityKilled}
          previous={p?.operations.securityKilled ?? null}
          tone="bad-when-up"
          periodLabel={periodLabel}
        />
      </Tile>
      <Share label="Cross-border origin" s={s.crossBorder} prevShare={p?.crossBorder.share} />
      <Share label="Foreign nationals among attackers" s={s.foreignNationals} prevShare={p?.foreignNationals.share} />
    </div>
  );
}
