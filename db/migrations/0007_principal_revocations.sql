CREATE TABLE "principal_revocations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "principal_revocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"scope" text NOT NULL,
	"user_id" text NOT NULL,
	"session_id" text,
	"keep_session_id" text,
	"token_id" uuid,
	"reason" text NOT NULL,
	CONSTRAINT "principal_revocations_scope_valid" CHECK ("scope" IN ('account', 'sessions', 'session', 'token'))
);
--> statement-breakpoint
CREATE INDEX "principal_revocations_at_idx" ON "principal_revocations" USING btree ("at");