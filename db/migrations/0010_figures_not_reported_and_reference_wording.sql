ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_0";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_1";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_2";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_3";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_4";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_5";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_6";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_figures_7";--> statement-breakpoint
ALTER TABLE "reference_figures" DROP CONSTRAINT "reference_figures_comparable_valid";--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_civilians_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_civilians_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_security_forces_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_security_forces_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_militants_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_militants_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_not_specified_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "killed_not_specified_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_civilians_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_civilians_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_security_forces_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_security_forces_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_militants_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_militants_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_not_specified_low" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "injured_not_specified_low" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "militants_killed" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "militants_killed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "militants_arrested" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "militants_arrested" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "security_killed" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "security_killed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "security_injured" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "security_injured" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reference_figures" ADD COLUMN "value_text" text;--> statement-breakpoint
ALTER TABLE "reference_figures" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "killed_missing_civilians" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "injured_missing_civilians" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "killed_missing_security_forces" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "injured_missing_security_forces" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "killed_missing_militants" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "injured_missing_militants" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "killed_missing_not_specified" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "injured_missing_not_specified" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "injured_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "killed_missing_civilians" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "injured_missing_civilians" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "killed_missing_security_forces" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "injured_missing_security_forces" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "killed_missing_militants" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "injured_missing_militants" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "killed_missing_not_specified" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "injured_missing_not_specified" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_narrow" ADD COLUMN "injured_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_daily" ADD COLUMN "militants_killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_daily" ADD COLUMN "militants_arrested_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_daily" ADD COLUMN "security_killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_daily" ADD COLUMN "security_injured_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_narrow" ADD COLUMN "militants_killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_narrow" ADD COLUMN "militants_arrested_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_narrow" ADD COLUMN "security_killed_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_rollup_narrow" ADD COLUMN "security_injured_missing" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_0" CHECK ("killed_civilians_low" >= 0 AND ("killed_civilians_high" IS NULL OR ("killed_civilians_low" IS NOT NULL AND "killed_civilians_high" >= "killed_civilians_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_1" CHECK ("killed_security_forces_low" >= 0 AND ("killed_security_forces_high" IS NULL OR ("killed_security_forces_low" IS NOT NULL AND "killed_security_forces_high" >= "killed_security_forces_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_2" CHECK ("killed_militants_low" >= 0 AND ("killed_militants_high" IS NULL OR ("killed_militants_low" IS NOT NULL AND "killed_militants_high" >= "killed_militants_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_3" CHECK ("killed_not_specified_low" >= 0 AND ("killed_not_specified_high" IS NULL OR ("killed_not_specified_low" IS NOT NULL AND "killed_not_specified_high" >= "killed_not_specified_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_4" CHECK ("injured_civilians_low" >= 0 AND ("injured_civilians_high" IS NULL OR ("injured_civilians_low" IS NOT NULL AND "injured_civilians_high" >= "injured_civilians_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_5" CHECK ("injured_security_forces_low" >= 0 AND ("injured_security_forces_high" IS NULL OR ("injured_security_forces_low" IS NOT NULL AND "injured_security_forces_high" >= "injured_security_forces_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_6" CHECK ("injured_militants_low" >= 0 AND ("injured_militants_high" IS NULL OR ("injured_militants_low" IS NOT NULL AND "injured_militants_high" >= "injured_militants_low")));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_figures_7" CHECK ("injured_not_specified_low" >= 0 AND ("injured_not_specified_high" IS NULL OR ("injured_not_specified_low" IS NOT NULL AND "injured_not_specified_high" >= "injured_not_specified_low")));--> statement-breakpoint
ALTER TABLE "reference_figures" ADD CONSTRAINT "reference_figures_comparable_valid" CHECK ("reference_figures"."comparable_to" IS NULL OR "comparable_to" IN ('incidents', 'killed', 'operations', 'militantsKilledInOperations', 'intelligenceBasedOperations', 'militantsKilledInIntelligenceBasedOperations'));