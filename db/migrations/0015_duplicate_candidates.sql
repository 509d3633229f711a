CREATE TABLE "duplicate_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_a" uuid NOT NULL,
	"incident_b" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"day" date NOT NULL,
	"provinces" text[] NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	CONSTRAINT "duplicate_candidates_status_valid" CHECK ("status" IN ('open', 'later', 'dismissed', 'merged')),
	CONSTRAINT "duplicate_candidates_ordered" CHECK ("incident_a" < "incident_b")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_candidates_pair_key" ON "duplicate_candidates" USING btree ("incident_a","incident_b");
--> statement-breakpoint
CREATE INDEX "duplicate_candidates_b_idx" ON "duplicate_candidates" USING btree ("incident_b");
--> statement-breakpoint
CREATE INDEX "duplicate_candidates_status_day_idx" ON "duplicate_candidates" USING btree ("status","day");
--> statement-breakpoint
CREATE TABLE "incident_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidate_id" uuid,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"choices" jsonb NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"merged_by" text,
	"split_at" timestamp with time zone,
	"split_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "incident_merges_merged_key" ON "incident_merges" USING btree ("merged_id") WHERE "split_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "incident_merges_survivor_idx" ON "incident_merges" USING btree ("survivor_id") WHERE "split_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "duplicate_scan" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" text DEFAULT '' NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "duplicate_scan_single_row" CHECK ("id" = 1)
);
--> statement-breakpoint
INSERT INTO "duplicate_scan" ("id", "epoch", "seq") VALUES (1, '', 0);
