CREATE TABLE "rollup_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"zone" text NOT NULL,
	CONSTRAINT "rollup_state_single_row" CHECK ("rollup_state"."id" = 1)
);
