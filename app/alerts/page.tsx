/**
 * Alerts: the signed-in user's rules and saved views, and the form that creates a rule (and
 * optionally a saved view) from the filters in the address, which the header's "Save or alert on
 * this view" brings over from the overview.
 */
import type { Metadata } from 'next';
import { publicRule } from '@/core/alert/schema';
import type { ViewFilters } from '@/core/alert/schema';
import { getRuntime } from '@/server/runtime';
import { requireRole } from '../sign-in/page-access';
import { PageHeading, ViewProblems } from '../components/page-heading';
import { parseView, describePeriod, type PageSearchParams } from '../components/view-query';
import { RuleForm } from './rule-form';
import { RuleList } from './rule-list';
import { viewHref } from './view-href';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Alerts' };

const SINGLE = new Set(['range', 'from', 'to', 'bucket', 'by', 'top']);

/** The address's stats parameters as a view's filters: lists as arrays. */
function filtersOf(raw: Record<string, string | string[] | undefined>): ViewFilters {
  const out: ViewFilters = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const all = (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    if (all.length === 0) continue;
    out[k] = SINGLE.has(k) ? all[0]! : all;
  }
  return out;
}

export default async function AlertsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const { principal } = await requireRole('viewer', '/alerts');
  const { query, problems } = parseView(raw, new Date(), { defaultPreset: null });
  const alerts = getRuntime().alerts();
  const [rules, views] = await Promise.all([
    alerts.rules.ownedBy(principal.userId),
    alerts.views.visibleTo(principal.userId),
  ]);
  const filters = problems ? {} : filtersOf(raw);
  return (
    <main id="main" className="mx-auto max-w-[1100px] space-y-6 px-3 py-4 sm:px-5">
      <PageHeading
        title="Alerts"
        subtitle="Rules on a view that tell you when something happens or a trend breaks its baseline."
      />
      {problems && <ViewProblems problems={problems} />}
      <RuleForm
        filters={filters}
        filterSummary={
          Object.keys(filters).length === 0 ? 'Everything (no filters)' : describe(filters, describePeriod(query))
        }
        canShare={principal.actor.role === 'admin'}
        views={views.map((v) => ({ id: v.id, name: v.name }))}
      />
      <RuleList rules={rules.map(publicRule)} />
      <section aria-labelledby="views-heading" className="space-y-2">
        <h2 id="views-heading" className="text-lg font-semibold text-fg">
          Saved views
        </h2>
        {views.length === 0 ? (
          <p className="text-sm text-muted">None yet: tick “Also save these filters as a view” above.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {views.map((v) => (
              <li key={v.id}>
                <a className="text-accent underline" href={viewHref(v.filters)}>
                  {v.name}
                </a>
                {v.shared ? ' (shared with the team)' : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function describe(filters: ViewFilters, period: string): string {
  const parts = Object.entries(filters)
    .filter(([k]) => !SINGLE.has(k))
    .map(([k, v]) => `${k}: ${(Array.isArray(v) ? v : [v]).join(', ')}`);
  return `${parts.join('; ') || 'all records'} (overview period: ${period})`;
}
