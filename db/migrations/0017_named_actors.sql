-- A record whose source names a perpetrator (an operation: a target) that matches none of our groups
-- is not "unknown / unclaimed": `named_actor` says the source names one, and the rollups key such a
-- record (no group) 'other' ("other named actors") instead of '' (docs/adr/0030). The column is
-- derived by core/import/derive-group.ts deriveNamedActor on every write; the functions below are
-- the same rule in SQL, for this backfill (tests/db/named-actor.test.ts holds them equal to core's).
CREATE OR REPLACE FUNCTION actor_inter_code(inter text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN lower(trim(inter)) ~ '^[0-9]+(\.0*)?$' THEN trunc(trim(inter)::numeric)::integer
    WHEN lower(trim(inter)) ~ '^state forces?' THEN 1
    WHEN lower(trim(inter)) ~ '^rebel' THEN 2
    WHEN lower(trim(inter)) ~ '^political militias?' THEN 3
    WHEN lower(trim(inter)) ~ '^(identity|communal|ethnic) militias?' THEN 4
    WHEN lower(trim(inter)) ~ '^rioters?' THEN 5
    WHEN lower(trim(inter)) ~ '^protesters?' THEN 6
    WHEN lower(trim(inter)) ~ '^civilians?' THEN 7
    WHEN lower(trim(inter)) ~ '^(external|other)' THEN 8
  END
$$;
--> statement-breakpoint
-- core/import/acled-classify.ts sideOf(...).kind === 'armed'
CREATE OR REPLACE FUNCTION actor_is_armed(name text, inter text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    NOT (c.code IS NOT DISTINCT FROM 1 OR (c.state_named AND (c.code IS NULL OR c.code = 8)))
    AND (c.code IN (2, 3, 4, 8)
      OR (c.code IS NULL OR c.code NOT IN (5, 6, 7))
        AND c.named AND name !~* '^civilians\y' AND name !~* '^(protesters|rioters)\y'),
    false)
  FROM (SELECT actor_inter_code(inter) AS code, coalesce(name, '') <> '' AS named,
    coalesce(name, '') ~* '^(military|police) forces of |^government of ' AS state_named) AS c
$$;
--> statement-breakpoint
-- core/import/derive-group.ts isPlaceholderActor
CREATE OR REPLACE FUNCTION actor_is_placeholder(name text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT lower(trim(name)) = ''
    OR lower(trim(name)) ~ '^(unidentified|unknown|unnamed|unclaimed|unattributed)\y'
    OR lower(trim(name)) ~ '^(n/a|none|-+|\?+)$'
$$;
--> statement-breakpoint
-- core/import/derive-group.ts deriveNamedActor: the first actor of each role, as core reads them.
CREATE OR REPLACE FUNCTION named_actor_of(actors jsonb, is_operation boolean, category text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  WITH a AS (SELECT e.value AS v, e.ordinality AS i FROM jsonb_array_elements(actors) WITH ORDINALITY AS e),
  first AS (SELECT DISTINCT ON (v->>'role') v->>'role' AS role, v->>'name' AS name, v->>'inter' AS inter
    FROM a ORDER BY v->>'role', i),
  r AS (SELECT
    (SELECT name FROM first WHERE role = 'actor1') AS a1, (SELECT inter FROM first WHERE role = 'actor1') AS i1,
    (SELECT name FROM first WHERE role = 'assoc_actor_1') AS aa1,
    (SELECT name FROM first WHERE role = 'actor2') AS a2, (SELECT inter FROM first WHERE role = 'actor2') AS i2,
    (SELECT name FROM first WHERE role = 'assoc_actor_2') AS aa2)
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM a WHERE v->>'role' = 'perpetrator')
      THEN EXISTS (SELECT 1 FROM a WHERE v->>'role' = 'perpetrator' AND NOT actor_is_placeholder(v->>'name'))
    WHEN r.a1 IS NULL THEN false
    WHEN is_operation THEN coalesce(NOT actor_is_placeholder(r.a2), false) OR coalesce(NOT actor_is_placeholder(r.aa2), false)
    WHEN category IN ('interstate', 'state_violence') OR actor_is_armed(r.a1, r.i1)
      THEN coalesce(NOT actor_is_placeholder(r.a1), false) OR coalesce(NOT actor_is_placeholder(r.aa1), false)
    WHEN actor_is_armed(r.a2, r.i2)
      THEN coalesce(NOT actor_is_placeholder(r.a2), false) OR coalesce(NOT actor_is_placeholder(r.aa2), false)
    ELSE false
  END FROM r
$$;
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "named_actor" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "named_actor" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE "incidents" SET "named_actor" = true
WHERE jsonb_array_length("actors") > 0 AND named_actor_of("actors", false, "category");
--> statement-breakpoint
UPDATE "operations" SET "named_actor" = true
WHERE jsonb_array_length("actors") > 0 AND named_actor_of("actors", true, NULL);
--> statement-breakpoint
-- The rollup cells of records without a group are filled again from the raw rows, now split into
-- '' and 'other', in the zone the rollups were built in (db/rollups/rebuild.ts, the same SQL).
DELETE FROM incident_rollup_daily WHERE group_key = '';
--> statement-breakpoint
DELETE FROM operation_rollup_daily WHERE group_key = '';
--> statement-breakpoint
DELETE FROM incident_rollup_narrow WHERE dim = 'group' AND key = '';
--> statement-breakpoint
INSERT INTO incident_rollup_daily (day, country, province, group_key, type, category, target_type, verification, incidents, killed_low_civilians, killed_high_civilians, injured_low_civilians, injured_high_civilians, killed_low_security_forces, killed_high_security_forces, injured_low_security_forces, injured_high_security_forces, killed_low_militants, killed_high_militants, injured_low_militants, injured_high_militants, killed_low_not_specified, killed_high_not_specified, injured_low_not_specified, injured_high_not_specified, with_high, cross_border_yes, cross_border_no, foreign_yes, foreign_no, killed_missing_civilians, injured_missing_civilians, killed_missing_security_forces, injured_missing_security_forces, killed_missing_militants, injured_missing_militants, killed_missing_not_specified, injured_missing_not_specified, killed_missing, injured_missing)
        SELECT (occurred_at AT TIME ZONE coalesce((SELECT zone FROM rollup_state WHERE id = 1), 'Asia/Karachi'))::date, country, province, coalesce(group_id::text, CASE WHEN named_actor THEN 'other' ELSE '' END), type, category, target_type, verification, count(*), coalesce(sum(killed_civilians_low), 0), coalesce(sum(coalesce(killed_civilians_high, killed_civilians_low)), 0), coalesce(sum(injured_civilians_low), 0), coalesce(sum(coalesce(injured_civilians_high, injured_civilians_low)), 0), coalesce(sum(killed_security_forces_low), 0), coalesce(sum(coalesce(killed_security_forces_high, killed_security_forces_low)), 0), coalesce(sum(injured_security_forces_low), 0), coalesce(sum(coalesce(injured_security_forces_high, injured_security_forces_low)), 0), coalesce(sum(killed_militants_low), 0), coalesce(sum(coalesce(killed_militants_high, killed_militants_low)), 0), coalesce(sum(injured_militants_low), 0), coalesce(sum(coalesce(injured_militants_high, injured_militants_low)), 0), coalesce(sum(killed_not_specified_low), 0), coalesce(sum(coalesce(killed_not_specified_high, killed_not_specified_low)), 0), coalesce(sum(injured_not_specified_low), 0), coalesce(sum(coalesce(injured_not_specified_high, injured_not_specified_low)), 0), count(*) FILTER (WHERE killed_civilians_high IS NOT NULL OR injured_civilians_high IS NOT NULL OR killed_security_forces_high IS NOT NULL OR injured_security_forces_high IS NOT NULL OR killed_militants_high IS NOT NULL OR injured_militants_high IS NOT NULL OR killed_not_specified_high IS NOT NULL OR injured_not_specified_high IS NOT NULL), count(*) FILTER (WHERE cross_border = 'yes'), count(*) FILTER (WHERE cross_border = 'no'), count(*) FILTER (WHERE foreign_nationals = 'yes'), count(*) FILTER (WHERE foreign_nationals = 'no'), count(*) FILTER (WHERE killed_civilians_low IS NULL), count(*) FILTER (WHERE injured_civilians_low IS NULL), count(*) FILTER (WHERE killed_security_forces_low IS NULL), count(*) FILTER (WHERE injured_security_forces_low IS NULL), count(*) FILTER (WHERE killed_militants_low IS NULL), count(*) FILTER (WHERE injured_militants_low IS NULL), count(*) FILTER (WHERE killed_not_specified_low IS NULL), count(*) FILTER (WHERE injured_not_specified_low IS NULL), count(*) FILTER (WHERE killed_civilians_low IS NULL AND killed_security_forces_low IS NULL AND killed_militants_low IS NULL AND killed_not_specified_low IS NULL), count(*) FILTER (WHERE injured_civilians_low IS NULL AND injured_security_forces_low IS NULL AND injured_militants_low IS NULL AND injured_not_specified_low IS NULL)
        FROM incidents WHERE retracted_at IS NULL AND group_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
--> statement-breakpoint
INSERT INTO operation_rollup_daily (day, country, province, kind, group_key, verification, records, operations, militants_killed, militants_arrested, security_killed, security_injured, militants_killed_missing, militants_arrested_missing, security_killed_missing, security_injured_missing)
        SELECT (occurred_at AT TIME ZONE coalesce((SELECT zone FROM rollup_state WHERE id = 1), 'Asia/Karachi'))::date, country, coalesce(province, ''), kind, coalesce(group_id::text, CASE WHEN named_actor THEN 'other' ELSE '' END), verification, count(*), sum("count"), coalesce(sum(militants_killed), 0), coalesce(sum(militants_arrested), 0), coalesce(sum(security_killed), 0), coalesce(sum(security_injured), 0), count(*) FILTER (WHERE militants_killed IS NULL), count(*) FILTER (WHERE militants_arrested IS NULL), count(*) FILTER (WHERE security_killed IS NULL), count(*) FILTER (WHERE security_injured IS NULL)
        FROM operations WHERE retracted_at IS NULL AND group_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6
--> statement-breakpoint
INSERT INTO incident_rollup_narrow (dim, grain, start, key, incidents, killed_low_civilians, killed_high_civilians, injured_low_civilians, injured_high_civilians, killed_low_security_forces, killed_high_security_forces, injured_low_security_forces, injured_high_security_forces, killed_low_militants, killed_high_militants, injured_low_militants, injured_high_militants, killed_low_not_specified, killed_high_not_specified, injured_low_not_specified, injured_high_not_specified, with_high, cross_border_yes, cross_border_no, foreign_yes, foreign_no, killed_missing_civilians, injured_missing_civilians, killed_missing_security_forces, injured_missing_security_forces, killed_missing_militants, injured_missing_militants, killed_missing_not_specified, injured_missing_not_specified, killed_missing, injured_missing, by_type_armed_assault, by_type_suicide_bombing, by_type_ied_explosive, by_type_targeted_killing, by_type_rocket_mortar_shelling, by_type_cross_border, by_type_kidnapping, by_type_infrastructure_sabotage, by_type_clash, by_type_other)
      SELECT * FROM (SELECT dim, grain, CASE grain WHEN 'day' THEN day WHEN 'week' THEN date_trunc('week', day::timestamp)::date ELSE date_trunc('month', day::timestamp)::date END, CASE dim WHEN 'all' THEN '' WHEN 'type' THEN type WHEN 'province' THEN province WHEN 'group' THEN group_key WHEN 'target' THEN target_type END, sum(incidents), sum(killed_low_civilians), sum(killed_high_civilians), sum(injured_low_civilians), sum(injured_high_civilians), sum(killed_low_security_forces), sum(killed_high_security_forces), sum(injured_low_security_forces), sum(injured_high_security_forces), sum(killed_low_militants), sum(killed_high_militants), sum(injured_low_militants), sum(injured_high_militants), sum(killed_low_not_specified), sum(killed_high_not_specified), sum(injured_low_not_specified), sum(injured_high_not_specified), sum(with_high), sum(cross_border_yes), sum(cross_border_no), sum(foreign_yes), sum(foreign_no), sum(killed_missing_civilians), sum(injured_missing_civilians), sum(killed_missing_security_forces), sum(injured_missing_security_forces), sum(killed_missing_militants), sum(injured_missing_militants), sum(killed_missing_not_specified), sum(injured_missing_not_specified), sum(killed_missing), sum(injured_missing), sum(CASE WHEN type = 'armed_assault' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'suicide_bombing' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'ied_explosive' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'targeted_killing' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'rocket_mortar_shelling' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'cross_border' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'kidnapping' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'infrastructure_sabotage' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'clash' THEN incidents ELSE 0 END), sum(CASE WHEN type = 'other' THEN incidents ELSE 0 END)
      FROM (SELECT * FROM incident_rollup_daily WHERE group_key IN ('', 'other')) AS g CROSS JOIN (VALUES ('all', 'day'), ('all', 'week'), ('all', 'month'), ('type', 'day'), ('type', 'week'), ('type', 'month'), ('province', 'day'), ('province', 'week'), ('province', 'month'), ('group', 'day'), ('group', 'week'), ('group', 'month'), ('target', 'day'), ('target', 'week'), ('target', 'month')) AS p(dim, grain)
      WHERE category IN ('attack', 'clash') GROUP BY 1, 2, 3, 4) AS n WHERE dim = 'group'
;
