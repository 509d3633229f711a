ALTER TABLE "incidents" DROP CONSTRAINT "incidents_province_valid";--> statement-breakpoint
ALTER TABLE "operations" DROP CONSTRAINT "operations_province_valid";--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "category" text DEFAULT 'attack' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "actors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "actors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD COLUMN "category" text DEFAULT 'attack' NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" DROP CONSTRAINT "incident_rollup_daily_pk";
--> statement-breakpoint
ALTER TABLE "incident_rollup_daily" ADD CONSTRAINT "incident_rollup_daily_pk" PRIMARY KEY("day","country","province","group_key","type","category","target_type","verification");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_category_valid" CHECK ("category" IN ('attack', 'clash', 'interstate', 'state_violence'));--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_province_valid" CHECK ("province" IN ('KP', 'KP-MD', 'Balochistan', 'Punjab', 'Sindh', 'ICT', 'Gilgit-Baltistan', 'AJK', 'Badakhshan', 'Nuristan', 'Kunar', 'Nangarhar', 'Paktia', 'Khost', 'Paktika', 'Zabul', 'Kandahar', 'Helmand', 'Nimroz', 'Afghanistan'));--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_province_valid" CHECK ("operations"."province" IS NULL OR "province" IN ('KP', 'KP-MD', 'Balochistan', 'Punjab', 'Sindh', 'ICT', 'Gilgit-Baltistan', 'AJK', 'Badakhshan', 'Nuristan', 'Kunar', 'Nangarhar', 'Paktia', 'Khost', 'Paktika', 'Zabul', 'Kandahar', 'Helmand', 'Nimroz', 'Afghanistan'));