-- The seeded figures, corrected to the periods the report itself gives (shared/reference/facts.md), with
-- the source's wording and the day it was reported; the two operation figures now compare with
-- intelligence-based operations only. A row changes only while it still equals the old seed (every
-- field, never edited: version 1): an admin's edit is never overwritten.
UPDATE "reference_figures" SET "comparable_to" = 'intelligenceBasedOperations', "value_text" = 'more than 75,000', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'Intelligence-based operations carried out by Pakistani security forces (more than)'
  AND "value_kind" IS NOT DISTINCT FROM 'lower_bound'
  AND "value" IS NOT DISTINCT FROM 75000
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM 'operations'
  AND "period_start" IS NOT DISTINCT FROM '2025-01-01'::date
  AND "period_end" IS NOT DISTINCT FROM '2025-12-31'::date
  AND "period_label" IS NOT DISTINCT FROM '2025'
  AND "source_name" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM NULL
  AND "comparable_to" IS NOT DISTINCT FROM 'operations'
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "comparable_to" = 'militantsKilledInIntelligenceBasedOperations', "value_text" = '2,597, including Afghan nationals', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'Terrorists killed in intelligence-based operations'
  AND "value_kind" IS NOT DISTINCT FROM 'exact'
  AND "value" IS NOT DISTINCT FROM 2597
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM 'people'
  AND "period_start" IS NOT DISTINCT FROM '2025-01-01'::date
  AND "period_end" IS NOT DISTINCT FROM '2025-12-31'::date
  AND "period_label" IS NOT DISTINCT FROM '2025'
  AND "source_name" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM NULL
  AND "comparable_to" IS NOT DISTINCT FROM 'militantsKilledInOperations'
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "period_label" = 'undated', "value_text" = 'around 6,000–6,500', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'TTP fighters active in Afghanistan (estimate)'
  AND "value_kind" IS NOT DISTINCT FROM 'range'
  AND "value" IS NOT DISTINCT FROM 6000
  AND "value_high" IS NOT DISTINCT FROM 6500
  AND "unit" IS NOT DISTINCT FROM 'fighters'
  AND "period_start" IS NOT DISTINCT FROM NULL
  AND "period_end" IS NOT DISTINCT FROM NULL
  AND "period_label" IS NOT DISTINCT FROM 'as of early 2026'
  AND "source_name" IS NOT DISTINCT FROM 'The Diplomat'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "comparable_to" IS NOT DISTINCT FROM NULL
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "period_label" = 'undated', "value_text" = '70 %', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'Share of attacks in Pakistan reportedly involving Afghan nationals'
  AND "value_kind" IS NOT DISTINCT FROM 'percent'
  AND "value" IS NOT DISTINCT FROM 70
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM '%'
  AND "period_start" IS NOT DISTINCT FROM NULL
  AND "period_end" IS NOT DISTINCT FROM NULL
  AND "period_label" IS NOT DISTINCT FROM 'recent years (reported early 2026)'
  AND "source_name" IS NOT DISTINCT FROM 'The Diplomat'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "comparable_to" IS NOT DISTINCT FROM NULL
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "period_label" = 'report released December 2025', "value_text" = 'more than 20', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'International and regional terrorist organisations active in Afghanistan (more than)'
  AND "value_kind" IS NOT DISTINCT FROM 'lower_bound'
  AND "value" IS NOT DISTINCT FROM 20
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM 'organisations'
  AND "period_start" IS NOT DISTINCT FROM '2025-12-01'::date
  AND "period_end" IS NOT DISTINCT FROM '2025-12-31'::date
  AND "period_label" IS NOT DISTINCT FROM 'December 2025'
  AND "source_name" IS NOT DISTINCT FROM 'UN Analytical Support and Sanctions Monitoring Team (report of December 2025)'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "comparable_to" IS NOT DISTINCT FROM NULL
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "period_start" = NULL, "period_end" = NULL, "period_label" = 'since the beginning of the "War on Terror", no end date', "value_text" = 'more than 80,000', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'Victims of terrorism in Pakistan since the start of the "War on Terror", civilians, children and security personnel (more than)'
  AND "value_kind" IS NOT DISTINCT FROM 'lower_bound'
  AND "value" IS NOT DISTINCT FROM 80000
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM 'people'
  AND "period_start" IS NOT DISTINCT FROM '2001-01-01'::date
  AND "period_end" IS NOT DISTINCT FROM '2025-12-31'::date
  AND "period_label" IS NOT DISTINCT FROM '2001 to 2025'
  AND "source_name" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM NULL
  AND "comparable_to" IS NOT DISTINCT FROM NULL
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
--> statement-breakpoint
UPDATE "reference_figures" SET "period_start" = NULL, "period_end" = NULL, "period_label" = 'undated', "value_text" = 'more than USD 150 billion (an estimate)', "reported_on" = '2026-01-17'
WHERE "metric" IS NOT DISTINCT FROM 'Economic cost of terrorism to Pakistan: infrastructure damage, lost investment and disruption (more than; a lower bound)'
  AND "value_kind" IS NOT DISTINCT FROM 'money'
  AND "value" IS NOT DISTINCT FROM 150000000000
  AND "value_high" IS NOT DISTINCT FROM NULL
  AND "unit" IS NOT DISTINCT FROM 'USD'
  AND "period_start" IS NOT DISTINCT FROM '2001-01-01'::date
  AND "period_end" IS NOT DISTINCT FROM '2025-12-31'::date
  AND "period_label" IS NOT DISTINCT FROM '2001 to 2025'
  AND "source_name" IS NOT DISTINCT FROM 'News report, Islamabad, 2026-01-17'
  AND "source_url" IS NOT DISTINCT FROM NULL
  AND "cited_via" IS NOT DISTINCT FROM NULL
  AND "comparable_to" IS NOT DISTINCT FROM NULL
  AND "version" = 1 AND "retracted_at" IS NULL AND "value_text" IS NULL AND "reported_on" IS NULL;
