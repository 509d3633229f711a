CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"actor" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_length" CHECK (length("idempotency_keys"."key") BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"impersonated_by" text,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"role" text DEFAULT 'viewer' NOT NULL,
	"banned" boolean DEFAULT false,
	"ban_reason" text,
	"ban_expires" timestamp with time zone,
	CONSTRAINT "user_email_unique" UNIQUE("email"),
	CONSTRAINT "user_role_valid" CHECK ("role" IN ('viewer', 'operator', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_strength_estimates" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"low" integer NOT NULL,
	"high" integer NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "group_strength_range" CHECK ("group_strength_estimates"."low" >= 0 AND "group_strength_estimates"."high" >= "group_strength_estimates"."low")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"short_name" text NOT NULL,
	"full_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"base_country" text,
	"proscribed" boolean DEFAULT false NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"retracted_at" timestamp with time zone,
	"retracted_by" text,
	"retraction_reason" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"time_precision" text NOT NULL,
	"country" text DEFAULT 'Pakistan' NOT NULL,
	"province" text NOT NULL,
	"district" text,
	"place" text,
	"latitude" double precision,
	"longitude" double precision,
	"geo_precision" text NOT NULL,
	"type" text NOT NULL,
	"target_type" text NOT NULL,
	"group_id" uuid,
	"group_name" text,
	"claimed" boolean DEFAULT false NOT NULL,
	"cross_border" text DEFAULT 'unknown' NOT NULL,
	"foreign_nationals" text DEFAULT 'unknown' NOT NULL,
	"killed_civilians_low" integer DEFAULT 0 NOT NULL,
	"killed_civilians_high" integer,
	"killed_security_forces_low" integer DEFAULT 0 NOT NULL,
	"killed_security_forces_high" integer,
	"killed_militants_low" integer DEFAULT 0 NOT NULL,
	"killed_militants_high" integer,
	"killed_not_specified_low" integer DEFAULT 0 NOT NULL,
	"killed_not_specified_high" integer,
	"injured_civilians_low" integer DEFAULT 0 NOT NULL,
	"injured_civilians_high" integer,
	"injured_security_forces_low" integer DEFAULT 0 NOT NULL,
	"injured_security_forces_high" integer,
	"injured_militants_low" integer DEFAULT 0 NOT NULL,
	"injured_militants_high" integer,
	"injured_not_specified_low" integer DEFAULT 0 NOT NULL,
	"injured_not_specified_high" integer,
	"summary" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"verification" text DEFAULT 'reported' NOT NULL,
	"external_id" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"retracted_at" timestamp with time zone,
	"retracted_by" text,
	"retraction_reason" text,
	CONSTRAINT "incidents_time_precision_valid" CHECK ("time_precision" IN ('exact', 'day', 'week', 'month')),
	CONSTRAINT "incidents_country_valid" CHECK ("country" IN ('Pakistan', 'Afghanistan')),
	CONSTRAINT "incidents_province_valid" CHECK ("province" IN ('KP', 'KP-MD', 'Balochistan', 'Punjab', 'Sindh', 'ICT', 'Gilgit-Baltistan', 'AJK', 'Afghanistan')),
	CONSTRAINT "incidents_geo_precision_valid" CHECK ("geo_precision" IN ('exact', 'near', 'district', 'province')),
	CONSTRAINT "incidents_type_valid" CHECK ("type" IN ('armed_assault', 'suicide_bombing', 'ied_explosive', 'targeted_killing', 'rocket_mortar_shelling', 'cross_border', 'kidnapping', 'infrastructure_sabotage', 'clash', 'other')),
	CONSTRAINT "incidents_target_type_valid" CHECK ("target_type" IN ('security_forces', 'police', 'civilians', 'government', 'religious', 'education', 'infrastructure', 'foreign_nationals', 'other')),
	CONSTRAINT "incidents_cross_border_valid" CHECK ("cross_border" IN ('yes', 'no', 'unknown')),
	CONSTRAINT "incidents_foreign_nationals_valid" CHECK ("foreign_nationals" IN ('yes', 'no', 'unknown')),
	CONSTRAINT "incidents_verification_valid" CHECK ("verification" IN ('reported', 'confirmed', 'disputed')),
	CONSTRAINT "incidents_latitude_range" CHECK ("incidents"."latitude" IS NULL OR "incidents"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "incidents_longitude_range" CHECK ("incidents"."longitude" IS NULL OR "incidents"."longitude" BETWEEN -180 AND 180),
	CONSTRAINT "incidents_coordinates_paired" CHECK (("incidents"."latitude" IS NULL) = ("incidents"."longitude" IS NULL)),
	CONSTRAINT "incidents_version_positive" CHECK ("incidents"."version" >= 1),
	CONSTRAINT "incidents_figures_0" CHECK ("killed_civilians_low" >= 0 AND ("killed_civilians_high" IS NULL OR "killed_civilians_high" >= "killed_civilians_low")),
	CONSTRAINT "incidents_figures_1" CHECK ("killed_security_forces_low" >= 0 AND ("killed_security_forces_high" IS NULL OR "killed_security_forces_high" >= "killed_security_forces_low")),
	CONSTRAINT "incidents_figures_2" CHECK ("killed_militants_low" >= 0 AND ("killed_militants_high" IS NULL OR "killed_militants_high" >= "killed_militants_low")),
	CONSTRAINT "incidents_figures_3" CHECK ("killed_not_specified_low" >= 0 AND ("killed_not_specified_high" IS NULL OR "killed_not_specified_high" >= "killed_not_specified_low")),
	CONSTRAINT "incidents_figures_4" CHECK ("injured_civilians_low" >= 0 AND ("injured_civilians_high" IS NULL OR "injured_civilians_high" >= "injured_civilians_low")),
	CONSTRAINT "incidents_figures_5" CHECK ("injured_security_forces_low" >= 0 AND ("injured_security_forces_high" IS NULL OR "injured_security_forces_high" >= "injured_security_forces_low")),
	CONSTRAINT "incidents_figures_6" CHECK ("injured_militants_low" >= 0 AND ("injured_militants_high" IS NULL OR "injured_militants_high" >= "injured_militants_low")),
	CONSTRAINT "incidents_figures_7" CHECK ("injured_not_specified_low" >= 0 AND ("injured_not_specified_high" IS NULL OR "injured_not_specified_high" >= "injured_not_specified_low"))
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"time_precision" text NOT NULL,
	"country" text DEFAULT 'Pakistan' NOT NULL,
	"province" text,
	"district" text,
	"place" text,
	"latitude" double precision,
	"longitude" double precision,
	"geo_precision" text NOT NULL,
	"kind" text NOT NULL,
	"agency" text,
	"group_id" uuid,
	"group_name" text,
	"count" integer DEFAULT 1 NOT NULL,
	"militants_killed" integer DEFAULT 0 NOT NULL,
	"militants_arrested" integer DEFAULT 0 NOT NULL,
	"security_killed" integer DEFAULT 0 NOT NULL,
	"security_injured" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"verification" text DEFAULT 'reported' NOT NULL,
	"external_id" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"retracted_at" timestamp with time zone,
	"retracted_by" text,
	"retraction_reason" text,
	CONSTRAINT "operations_time_precision_valid" CHECK ("time_precision" IN ('exact', 'day', 'week', 'month')),
	CONSTRAINT "operations_country_valid" CHECK ("country" IN ('Pakistan', 'Afghanistan')),
	CONSTRAINT "operations_province_valid" CHECK ("operations"."province" IS NULL OR "province" IN ('KP', 'KP-MD', 'Balochistan', 'Punjab', 'Sindh', 'ICT', 'Gilgit-Baltistan', 'AJK', 'Afghanistan')),
	CONSTRAINT "operations_geo_precision_valid" CHECK ("geo_precision" IN ('exact', 'near', 'district', 'province')),
	CONSTRAINT "operations_kind_valid" CHECK ("kind" IN ('intelligence_based', 'clearance', 'cordon_and_search', 'border_interdiction', 'air_strike', 'other')),
	CONSTRAINT "operations_verification_valid" CHECK ("verification" IN ('reported', 'confirmed', 'disputed')),
	CONSTRAINT "operations_count_positive" CHECK ("operations"."count" >= 1),
	CONSTRAINT "operations_outcomes_non_negative" CHECK ("operations"."militants_killed" >= 0 AND "operations"."militants_arrested" >= 0 AND "operations"."security_killed" >= 0 AND "operations"."security_injured" >= 0),
	CONSTRAINT "operations_latitude_range" CHECK ("operations"."latitude" IS NULL OR "operations"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "operations_longitude_range" CHECK ("operations"."longitude" IS NULL OR "operations"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "annotations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"date_precision" text NOT NULL,
	"end_date" date,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source_name" text,
	"source_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"retracted_at" timestamp with time zone,
	"retracted_by" text,
	"retraction_reason" text,
	CONSTRAINT "annotations_precision_valid" CHECK ("date_precision" IN ('day', 'month', 'year', 'span')),
	CONSTRAINT "annotations_kind_valid" CHECK ("kind" IN ('political', 'diplomatic', 'policy', 'report', 'military', 'other')),
	CONSTRAINT "annotations_span" CHECK ("annotations"."end_date" IS NULL OR "annotations"."end_date" >= "annotations"."date")
);
--> statement-breakpoint
CREATE TABLE "reference_figures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"metric" text NOT NULL,
	"value_kind" text NOT NULL,
	"value" double precision NOT NULL,
	"value_high" double precision,
	"unit" text,
	"period_start" date,
	"period_end" date,
	"period_label" text NOT NULL,
	"source_name" text NOT NULL,
	"source_url" text,
	"cited_via" text,
	"comparable_to" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"retracted_at" timestamp with time zone,
	"retracted_by" text,
	"retraction_reason" text,
	CONSTRAINT "reference_figures_value_kind_valid" CHECK ("value_kind" IN ('exact', 'lower_bound', 'range', 'percent', 'money')),
	CONSTRAINT "reference_figures_comparable_valid" CHECK ("reference_figures"."comparable_to" IS NULL OR "comparable_to" IN ('incidents', 'killed', 'operations', 'militantsKilledInOperations')),
	CONSTRAINT "reference_figures_range" CHECK (("reference_figures"."value_kind" = 'range') = ("reference_figures"."value_high" IS NOT NULL) AND ("reference_figures"."value_high" IS NULL OR "reference_figures"."value_high" >= "reference_figures"."value")),
	CONSTRAINT "reference_figures_period" CHECK ("reference_figures"."period_end" IS NULL OR "reference_figures"."period_start" IS NULL OR "reference_figures"."period_end" >= "reference_figures"."period_start")
);
--> statement-breakpoint
CREATE TABLE "incident_rollup_daily" (
	"day" date NOT NULL,
	"country" text NOT NULL,
	"province" text NOT NULL,
	"group_key" text NOT NULL,
	"type" text NOT NULL,
	"target_type" text NOT NULL,
	"verification" text NOT NULL,
	"incidents" bigint DEFAULT 0 NOT NULL,
	"killed_low_civilians" bigint DEFAULT 0 NOT NULL,
	"killed_high_civilians" bigint DEFAULT 0 NOT NULL,
	"injured_low_civilians" bigint DEFAULT 0 NOT NULL,
	"injured_high_civilians" bigint DEFAULT 0 NOT NULL,
	"killed_low_security_forces" bigint DEFAULT 0 NOT NULL,
	"killed_high_security_forces" bigint DEFAULT 0 NOT NULL,
	"injured_low_security_forces" bigint DEFAULT 0 NOT NULL,
	"injured_high_security_forces" bigint DEFAULT 0 NOT NULL,
	"killed_low_militants" bigint DEFAULT 0 NOT NULL,
	"killed_high_militants" bigint DEFAULT 0 NOT NULL,
	"injured_low_militants" bigint DEFAULT 0 NOT NULL,
	"injured_high_militants" bigint DEFAULT 0 NOT NULL,
	"killed_low_not_specified" bigint DEFAULT 0 NOT NULL,
	"killed_high_not_specified" bigint DEFAULT 0 NOT NULL,
	"injured_low_not_specified" bigint DEFAULT 0 NOT NULL,
	"injured_high_not_specified" bigint DEFAULT 0 NOT NULL,
	"with_high" bigint DEFAULT 0 NOT NULL,
	"cross_border_yes" bigint DEFAULT 0 NOT NULL,
	"cross_border_no" bigint DEFAULT 0 NOT NULL,
	"foreign_yes" bigint DEFAULT 0 NOT NULL,
	"foreign_no" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "incident_rollup_daily_pk" PRIMARY KEY("day","country","province","group_key","type","target_type","verification")
);
--> statement-breakpoint
CREATE TABLE "operation_rollup_daily" (
	"day" date NOT NULL,
	"country" text NOT NULL,
	"province" text NOT NULL,
	"kind" text NOT NULL,
	"group_key" text NOT NULL,
	"verification" text NOT NULL,
	"records" bigint DEFAULT 0 NOT NULL,
	"operations" bigint DEFAULT 0 NOT NULL,
	"militants_killed" bigint DEFAULT 0 NOT NULL,
	"militants_arrested" bigint DEFAULT 0 NOT NULL,
	"security_killed" bigint DEFAULT 0 NOT NULL,
	"security_injured" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "operation_rollup_daily_pk" PRIMARY KEY("day","country","province","kind","group_key","verification")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer NOT NULL,
	"actor" text,
	"actor_id" text,
	"before" jsonb,
	"after" jsonb NOT NULL,
	CONSTRAINT "changes_entity_valid" CHECK ("entity" IN ('incident', 'operation', 'group', 'referenceFigure', 'annotation')),
	CONSTRAINT "changes_action_valid" CHECK ("action" IN ('created', 'updated', 'retracted'))
);
--> statement-breakpoint
CREATE TABLE "stream_meta" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" text NOT NULL,
	"top" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stream_meta_single_row" CHECK ("stream_meta"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_strength_estimates" ADD CONSTRAINT "group_strength_estimates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_pk" ON "idempotency_keys" USING btree ("actor","route","key");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_strength_group_idx" ON "group_strength_estimates" USING btree ("group_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_short_name_key" ON "groups" USING btree (lower("short_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_external_id_key" ON "incidents" USING btree ("external_id") WHERE "incidents"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "incidents_occurred_at_idx" ON "incidents" USING btree ("occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_created_at_idx" ON "incidents" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_group_occurred_idx" ON "incidents" USING btree ("group_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "operations_external_id_key" ON "operations" USING btree ("external_id") WHERE "operations"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "operations_occurred_at_idx" ON "operations" USING btree ("occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "annotations_date_idx" ON "annotations" USING btree ("date");--> statement-breakpoint
CREATE INDEX "incident_rollup_group_day_idx" ON "incident_rollup_daily" USING btree ("group_key","day");--> statement-breakpoint
CREATE INDEX "changes_entity_history_idx" ON "changes" USING btree ("entity","entity_id","seq");