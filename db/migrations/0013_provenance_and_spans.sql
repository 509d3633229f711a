-- Provenance on every record (docs/adr/0022): a multi-day event's last day (UCDP date_end), the source's
-- own values that have no column (UCDP best/low/high, GTD doubtterr, attack and weapon types), and when an
-- import last matched the record. Existing records have none of them: null.
ALTER TABLE "incidents" ADD COLUMN "occurred_until" date;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "source_fields" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "occurred_until" date;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "source_fields" jsonb;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "synced_at" timestamp with time zone;