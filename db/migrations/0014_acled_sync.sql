CREATE TABLE "acled_sync" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"interval_hours" integer DEFAULT 24 NOT NULL,
	"operations" boolean DEFAULT false NOT NULL,
	"first_from" date,
	"events_since" bigint,
	"deleted_since" bigint,
	"last_success_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "acled_sync_one_row" CHECK ("acled_sync"."id" = 1),
	CONSTRAINT "acled_sync_interval_valid" CHECK ("acled_sync"."interval_hours" BETWEEN 1 AND 720)
);
--> statement-breakpoint
CREATE TABLE "acled_sync_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"actor" text NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"events_since" bigint,
	"deleted_since" bigint,
	"result" jsonb,
	"error" text,
	CONSTRAINT "acled_sync_runs_state_valid" CHECK ("state" IN ('running', 'succeeded', 'failed')),
	CONSTRAINT "acled_sync_runs_trigger_valid" CHECK ("trigger" IN ('schedule', 'manual'))
);
--> statement-breakpoint
CREATE INDEX "acled_sync_runs_started_idx" ON "acled_sync_runs" USING btree ("started_at");
