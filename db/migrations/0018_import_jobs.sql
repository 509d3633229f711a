CREATE TABLE IF NOT EXISTS "import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"actor_id" text,
	"format" text,
	"file_name" text,
	"state" text NOT NULL,
	"node_id" text NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"total_bytes" bigint,
	"progress" jsonb NOT NULL,
	"report" jsonb,
	"error" text,
	"start_seq" bigint NOT NULL,
	"last_seq" bigint,
	"committed" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_state_valid" CHECK ("state" IN ('running', 'done', 'failed', 'interrupted'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "import_jobs_owner_idx" ON "import_jobs" USING btree ("owner_id","started_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "import_jobs_running_idx" ON "import_jobs" USING btree ("node_id") WHERE "import_jobs"."state" = 'running';
