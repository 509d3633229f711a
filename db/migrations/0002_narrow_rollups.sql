CREATE TABLE "incident_rollup_narrow" (
	"dim" text NOT NULL,
	"grain" text NOT NULL,
	"start" date NOT NULL,
	"key" text NOT NULL,
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
	"by_type_armed_assault" bigint DEFAULT 0 NOT NULL,
	"by_type_suicide_bombing" bigint DEFAULT 0 NOT NULL,
	"by_type_ied_explosive" bigint DEFAULT 0 NOT NULL,
	"by_type_targeted_killing" bigint DEFAULT 0 NOT NULL,
	"by_type_rocket_mortar_shelling" bigint DEFAULT 0 NOT NULL,
	"by_type_cross_border" bigint DEFAULT 0 NOT NULL,
	"by_type_kidnapping" bigint DEFAULT 0 NOT NULL,
	"by_type_infrastructure_sabotage" bigint DEFAULT 0 NOT NULL,
	"by_type_clash" bigint DEFAULT 0 NOT NULL,
	"by_type_other" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "incident_rollup_narrow_pk" PRIMARY KEY("dim","grain","start","key")
);
--> statement-breakpoint
CREATE TABLE "operation_rollup_narrow" (
	"grain" text NOT NULL,
	"start" date NOT NULL,
	"records" bigint DEFAULT 0 NOT NULL,
	"operations" bigint DEFAULT 0 NOT NULL,
	"militants_killed" bigint DEFAULT 0 NOT NULL,
	"militants_arrested" bigint DEFAULT 0 NOT NULL,
	"security_killed" bigint DEFAULT 0 NOT NULL,
	"security_injured" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "operation_rollup_narrow_pk" PRIMARY KEY("grain","start")
);
--> statement-breakpoint
-- Fill the projections from the cubes a database already holds (db/rebuild-rollups.ts narrowRollupStatements).
INSERT INTO incident_rollup_narrow (dim, grain, start, key, incidents, killed_low_civilians, killed_high_civilians, injured_low_civilians, injured_high_civilians, killed_low_security_forces, killed_high_security_forces, injured_low_security_forces, injured_high_security_forces, killed_low_militants, killed_high_militants, injured_low_militants, injured_high_militants, killed_low_not_specified, killed_high_not_specified, injured_low_not_specified, injured_high_not_specified, with_high, cross_border_yes, cross_border_no, foreign_yes, foreign_no, by_type_armed_assault, by_type_suicide_bombing, by_type_ied_explosive, by_type_targeted_killing, by_type_rocket_mortar_shelling, by_type_cross_border, by_type_kidnapping, by_type_infrastructure_sabotage, by_type_clash, by_type_other)
      SELECT dim, grain, CASE grain WHEN 'day' THEN day WHEN 'week' THEN date_trunc('week', day::timestamp)::date ELSE date_trunc('month', day::timestamp)::date END, CASE dim WHEN 'all' THEN '' WHEN 'type' THEN type WHEN 'province' THEN province WHEN 'group' THEN group_key WHEN 'target' THEN target_type END, sum(incidents), sum(killed_low_civilians), sum(killed_high_civilians), sum(injured_low_civilians), sum(injured_high_civilians), sum(killed_low_security_forces), sum(killed_high_security_forces), sum(injured_low_security_forces), sum(injured_high_security_forces), sum(killed_low_militants), sum(killed_high_militants), sum(injured_low_militants), sum(injured_high_militants), sum(killed_low_not_specified), sum(killed_high_not_specified), sum(injured_low_not_specified), sum(injured_high_not_specified), sum(with_high), sum(cross_border_yes), sum(cross_border_no), sum(foreign_yes), sum(foreign_no), sum(CASE WHEN type = 'armed_assault' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'suicide_bombing' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'ied_explosive' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'targeted_killing' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'rocket_mortar_shelling' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'cross_border' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'kidnapping' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'infrastructure_sabotage' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'clash' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'other' THEN incidents ELSE 0 END)
      FROM incident_rollup_daily CROSS JOIN (VALUES ('all', 'day'), ('all', 'week'), ('all', 'month'), ('type', 'day'), ('type', 'week'), ('type', 'month'), ('province', 'day'), ('province', 'week'), ('province', 'month'), ('group', 'day'), ('group', 'week'), ('group', 'month'), ('target', 'day'), ('target', 'week'), ('target', 'month')) AS p(dim, grain) GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO operation_rollup_narrow (grain, start, records, operations, militants_killed, militants_arrested, security_killed, security_injured)
      SELECT grain, CASE grain WHEN 'day' THEN day WHEN 'week' THEN date_trunc('week', day::timestamp)::date ELSE date_trunc('month', day::timestamp)::date END, sum(records), sum(operations), sum(militants_killed), sum(militants_arrested), sum(security_killed), sum(security_injured)
      FROM operation_rollup_daily CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS p(grain) GROUP BY 1, 2;
