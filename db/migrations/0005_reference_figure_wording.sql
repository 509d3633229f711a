ALTER TABLE "reference_figures" DROP CONSTRAINT "reference_figures_comparable_valid";--> statement-breakpoint
ALTER TABLE "reference_figures" ADD COLUMN "value_text" text;--> statement-breakpoint
ALTER TABLE "reference_figures" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "reference_figures" ADD CONSTRAINT "reference_figures_comparable_valid" CHECK ("reference_figures"."comparable_to" IS NULL OR "comparable_to" IN ('incidents', 'killed', 'operations', 'militantsKilledInOperations', 'intelligenceBasedOperations', 'militantsKilledInIntelligenceBasedOperations'));