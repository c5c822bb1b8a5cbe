CREATE TABLE "group_systems" (
	"org_id" integer NOT NULL,
	"system" text NOT NULL,
	"frequency" text NOT NULL,
	CONSTRAINT "group_systems_org_id_system_pk" PRIMARY KEY("org_id","system")
);
--> statement-breakpoint
CREATE TABLE "group_activity_months" (
	"group_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"kind" text NOT NULL,
	"activities" integer NOT NULL,
	CONSTRAINT "group_activity_months_group_id_year_month_kind_pk" PRIMARY KEY("group_id","year","month","kind")
);
--> statement-breakpoint
ALTER TABLE "group_systems" ADD CONSTRAINT "group_systems_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_activity_months_org_idx" ON "group_activity_months" USING btree ("org_id","year");--> statement-breakpoint

-- A group's meetings held (not cancelled), by China month and kind, from scratch.
CREATE VIEW group_activity_months_recount AS
SELECT a.group_id, a.org_id,
  china_year(a.starts_at)::smallint AS year,
  extract(month FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::smallint AS month,
  coalesce(a.group_kind, 'other') AS kind,
  count(*)::int AS activities
FROM activities a
WHERE a.group_id IS NOT NULL AND a.status <> 'cancelled'
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint

-- One group's month recounted (its meetings are a handful): a lock per group, so two meetings
-- recorded at once never lose a count.
CREATE FUNCTION refresh_group_month(gid integer, ts timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  y smallint := china_year(ts);
  m smallint := extract(month FROM ((ts AT TIME ZONE 'UTC') + interval '8 hours'));
BEGIN
  PERFORM pg_advisory_xact_lock(7303, gid);
  DELETE FROM group_activity_months WHERE group_id = gid AND year = y AND month = m;
  INSERT INTO group_activity_months
    SELECT a.group_id, a.org_id, y, m, coalesce(a.group_kind, 'other'), count(*)::int
    FROM activities a
    WHERE a.group_id = gid AND a.status <> 'cancelled'
      AND china_year(a.starts_at) = y
      AND extract(month FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours')) = m
    GROUP BY 1, 2, 3, 4, 5;
END $$;
--> statement-breakpoint

CREATE FUNCTION group_activity_months_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.group_id IS NOT NULL THEN
    PERFORM refresh_group_month(OLD.group_id, OLD.starts_at);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.group_id IS NOT NULL THEN
    PERFORM refresh_group_month(NEW.group_id, NEW.starts_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER activities_group_months AFTER INSERT OR UPDATE OF group_id, group_kind, starts_at, status OR DELETE
  ON activities FOR EACH ROW EXECUTE FUNCTION group_activity_months_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Truncated, not deleted: a rebuild leaves no dead rows for the dashboard to scan past. The
  -- owed months (`fixed_days`) are Vanguard's to write and stay.
  TRUNCATE activity_stats, activity_stats_pending, member_attendance_years, masses_days, branch_months,
    subtree_stats, subtree_stats_pending, subtree_people, subtree_people_pending, org_masses, org_masses_pending,
    subtree_compliance, subtree_compliance_pending, group_activity_months;
  ALTER TABLE activity_stats DISABLE TRIGGER activity_stats_rollup;
  ALTER TABLE member_attendance_years DISABLE TRIGGER member_days_people;
  ALTER TABLE masses_days DISABLE TRIGGER masses_days_people;
  ALTER TABLE branch_months DISABLE TRIGGER branch_months_compliance;
  INSERT INTO activity_stats SELECT * FROM activity_stats_recount;
  INSERT INTO member_attendance_years SELECT * FROM member_attendance_years_recount;
  INSERT INTO masses_days SELECT * FROM masses_days_recount;
  INSERT INTO branch_months SELECT * FROM branch_months_recount;
  ALTER TABLE activity_stats ENABLE TRIGGER activity_stats_rollup;
  ALTER TABLE member_attendance_years ENABLE TRIGGER member_days_people;
  ALTER TABLE masses_days ENABLE TRIGGER masses_days_people;
  ALTER TABLE branch_months ENABLE TRIGGER branch_months_compliance;
  INSERT INTO subtree_stats SELECT * FROM subtree_stats_recount;
  INSERT INTO subtree_people SELECT * FROM subtree_people_recount;
  INSERT INTO org_masses SELECT * FROM org_masses_recount;
  INSERT INTO subtree_compliance SELECT * FROM subtree_compliance_recount;
  INSERT INTO group_activity_months SELECT * FROM group_activity_months_recount;
END $$;
