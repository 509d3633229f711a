-- Provenance on every record (docs/adr/0022): a multi-day event's last day (UCDP date_end), the source's
-- own values that have no column (UCDP best/low/high, GTD doubtterr, attack and weapon types), and when an
-- import last matched the record. Existing records have none of them: null.
ALTER TABLE "incidents" ADD COLUMN "occurred_until" date;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "source_fields" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "occurred_until" date;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "source_fields" jsonb;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
-- The names GTD gives the seeded groups (its 2018 distribution), added the same way as 0005: additive,
-- groups an admin renamed or retracted left alone.
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Tehrik-i-Taliban Pakistan (TTP)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('TTP') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Khorasan Chapter of the Islamic State']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('ISIL-K') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Al-Qaida in the Indian Subcontinent', 'Al-Qaida']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('AQ') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Turkistan Islamic Party (TIP)', 'East Turkistan Islamic Movement (ETIM)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('ETIM/TIP') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Islamic Movement of Uzbekistan (IMU)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('IMU') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Baloch Liberation Army (BLA)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('BLA') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Baloch Liberation Front (BLF)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('BLF') AND "retracted_at" IS NULL;
--> statement-breakpoint
UPDATE "groups" SET "aliases" = ARRAY(SELECT DISTINCT unnest("aliases" || ARRAY['Lashkar-e-Islam (Pakistan)']::text[]) ORDER BY 1) WHERE lower("short_name") = lower('LeI') AND "retracted_at" IS NULL;
