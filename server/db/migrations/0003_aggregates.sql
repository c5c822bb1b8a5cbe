-- The dashboard's aggregates, kept in the same transaction as every change to their inputs.
-- Each refresh takes a per-activity (or per-member) advisory lock and then recounts that one
-- activity with a fresh snapshot (READ COMMITTED takes one per statement in a volatile
-- function), so concurrent check-ins never lose a count. The views are the from-scratch
-- recount: `rebuild_aggregates()` fills the tables from them, and the tests compare both.

CREATE VIEW activity_stats_recount AS
SELECT a.id AS activity_id,
  a.org_id,
  ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day,
  a.starts_at,
  a.type,
  a.theme,
  a.status = 'cancelled' AS cancelled,
  a.plan_entry_id IS NOT NULL AS has_plan,
  coalesce(length(regexp_replace(a.minutes_html, '<[^>]*>', '', 'g')), 0) > 0 AS has_minutes,
  (extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS duration_min,
  coalesce(a.short_reason, '') <> '' AS short_reason,
  -- The subtree as a range of paths ('~' sorts after '/' and the digits), which the path index serves.
  (SELECT count(*)::int FROM orgs mo JOIN members m ON m.org_id = mo.id
    WHERE mo.path ~>=~ o.path AND mo.path ~<~ (o.path || '~') AND m.status IN ('probationary', 'full')) AS members,
  (SELECT count(*)::int FROM attendance t WHERE t.activity_id = a.id) AS present,
  (SELECT count(*)::int FROM leave_requests l WHERE l.activity_id = a.id AND l.status = 'approved'
    AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = l.member_id)) AS leave,
  (SELECT count(*)::int FROM guests g WHERE g.activity_id = a.id) AS masses,
  (SELECT count(*)::int FROM activity_files f
    WHERE f.activity_id = a.id AND f.kind = 'photo' AND f.deleted_at IS NULL) AS photos
FROM activities a JOIN orgs o ON o.id = a.org_id;
--> statement-breakpoint

-- Which days of a year a member took part in an org's activities, one bit per day: distinct
-- people over any period are counted from these rows (members x years), not from attendance.
CREATE TABLE member_attendance_years (
  org_id integer NOT NULL,
  member_id integer NOT NULL,
  year smallint NOT NULL,
  days bit(366) NOT NULL,
  PRIMARY KEY (org_id, member_id, year)
);
--> statement-breakpoint

-- Check-ins not yet added to activity_stats. A morning of check-ins at one branch would queue on
-- that activity's row; instead each check-in appends here without a lock, `fold_activity_stats()`
-- adds them up (the alerts run folds, readers add what is still pending).
CREATE TABLE activity_stats_pending (
  activity_id integer NOT NULL,
  present smallint NOT NULL,
  leave smallint NOT NULL
);
--> statement-breakpoint
CREATE INDEX activity_stats_pending_activity_idx ON activity_stats_pending (activity_id);
--> statement-breakpoint

CREATE VIEW member_attendance_years_recount AS
SELECT a.org_id, t.member_id,
  extract(year FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::smallint AS year,
  bit_or(set_bit(repeat('0', 366)::bit(366),
    extract(doy FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::int - 1, 1)) AS days
FROM attendance t JOIN activities a ON a.id = t.activity_id
WHERE a.status <> 'cancelled'
GROUP BY 1, 2, 3;
--> statement-breakpoint

CREATE FUNCTION refresh_activity_stats(aid integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7301, aid);
  -- One statement, one snapshot: the check-ins it counts are exactly the pending ones it clears.
  WITH cleared AS (DELETE FROM activity_stats_pending WHERE activity_id = aid)
  INSERT INTO activity_stats SELECT * FROM activity_stats_recount WHERE activity_id = aid
  ON CONFLICT (activity_id) DO UPDATE SET
    org_id = EXCLUDED.org_id, day = EXCLUDED.day, starts_at = EXCLUDED.starts_at, type = EXCLUDED.type,
    theme = EXCLUDED.theme, cancelled = EXCLUDED.cancelled, has_plan = EXCLUDED.has_plan,
    has_minutes = EXCLUDED.has_minutes, duration_min = EXCLUDED.duration_min,
    short_reason = EXCLUDED.short_reason, members = EXCLUDED.members, present = EXCLUDED.present,
    leave = EXCLUDED.leave, masses = EXCLUDED.masses, photos = EXCLUDED.photos;
END $$;
--> statement-breakpoint

CREATE FUNCTION refresh_member_days(oid integer, mid integer, yr integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7302, mid);
  DELETE FROM member_attendance_years WHERE org_id = oid AND member_id = mid AND year = yr;
  INSERT INTO member_attendance_years
    SELECT * FROM member_attendance_years_recount r WHERE r.org_id = oid AND r.member_id = mid AND r.year = yr;
END $$;
--> statement-breakpoint

CREATE FUNCTION china_year(ts timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(year FROM ((ts AT TIME ZONE 'UTC') + interval '8 hours'))::int
$$;
--> statement-breakpoint

CREATE FUNCTION attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  act record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The check-in: appended, not counted up, so the branch's members never wait for each other.
    INSERT INTO activity_stats_pending VALUES (NEW.activity_id, 1,
      -(SELECT count(*) FROM leave_requests l
        WHERE l.activity_id = NEW.activity_id AND l.member_id = NEW.member_id AND l.status = 'approved'));
    SELECT org_id, starts_at, status INTO act FROM activities WHERE id = NEW.activity_id;
    IF act.status <> 'cancelled' THEN
      PERFORM pg_advisory_xact_lock(7302, NEW.member_id);
      INSERT INTO member_attendance_years VALUES (act.org_id, NEW.member_id, china_year(act.starts_at),
        set_bit(repeat('0', 366)::bit(366),
          extract(doy FROM ((act.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::int - 1, 1))
      ON CONFLICT (org_id, member_id, year) DO UPDATE SET days = member_attendance_years.days | EXCLUDED.days;
    END IF;
    RETURN NULL;
  END IF;
  FOR r IN SELECT * FROM (SELECT NEW.activity_id, NEW.member_id WHERE TG_OP <> 'DELETE'
                          UNION SELECT OLD.activity_id, OLD.member_id) x LOOP
    PERFORM refresh_activity_stats(r.activity_id);
    SELECT org_id, starts_at INTO act FROM activities WHERE id = r.activity_id;
    PERFORM refresh_member_days(act.org_id, r.member_id, china_year(act.starts_at));
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION activity_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM refresh_activity_stats(NEW.activity_id); END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.activity_id <> NEW.activity_id) THEN
    PERFORM refresh_activity_stats(OLD.activity_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  PERFORM refresh_activity_stats(NEW.id);
  -- A reschedule, cancellation or move changes on which day, and for which org, people took part.
  IF TG_OP = 'UPDATE' AND (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status
                           OR OLD.org_id IS DISTINCT FROM NEW.org_id) THEN
    FOR t IN SELECT member_id FROM attendance WHERE activity_id = NEW.id LOOP
      PERFORM refresh_member_days(OLD.org_id, t.member_id, china_year(OLD.starts_at));
      PERFORM refresh_member_days(NEW.org_id, t.member_id, china_year(NEW.starts_at));
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER attendance_aggregates AFTER INSERT OR UPDATE OR DELETE ON attendance
  FOR EACH ROW EXECUTE FUNCTION attendance_changed();
--> statement-breakpoint
CREATE TRIGGER leave_aggregates AFTER INSERT OR UPDATE OR DELETE ON leave_requests
  FOR EACH ROW EXECUTE FUNCTION activity_child_changed();
--> statement-breakpoint
CREATE TRIGGER guests_aggregates AFTER INSERT OR UPDATE OR DELETE ON guests
  FOR EACH ROW EXECUTE FUNCTION activity_child_changed();
--> statement-breakpoint
CREATE TRIGGER files_aggregates AFTER INSERT OR UPDATE OR DELETE ON activity_files
  FOR EACH ROW EXECUTE FUNCTION activity_child_changed();
--> statement-breakpoint
CREATE TRIGGER activities_aggregates AFTER INSERT OR UPDATE ON activities
  FOR EACH ROW EXECUTE FUNCTION activity_changed();
--> statement-breakpoint

CREATE FUNCTION fold_activity_stats() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  aid integer;
  n integer := 0;
BEGIN
  FOR aid IN SELECT DISTINCT activity_id FROM activity_stats_pending ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(7301, aid);
    WITH moved AS (DELETE FROM activity_stats_pending WHERE activity_id = aid RETURNING present, leave)
    UPDATE activity_stats s SET present = s.present + m.present, leave = s.leave + m.leave
    FROM (SELECT coalesce(sum(present), 0)::int AS present, coalesce(sum(leave), 0)::int AS leave FROM moved) m
    WHERE s.activity_id = aid;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
--> statement-breakpoint

-- For bulk loads that bypass triggers (the demo seed) and for proving the kept figures exact.
CREATE FUNCTION rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Truncated, not deleted: a rebuild leaves no dead rows for the dashboard to scan past.
  TRUNCATE activity_stats, activity_stats_pending, member_attendance_years;
  INSERT INTO activity_stats SELECT * FROM activity_stats_recount;
  INSERT INTO member_attendance_years SELECT * FROM member_attendance_years_recount;
END $$;
--> statement-breakpoint

-- Activities that exist before this migration get their figures now.
SELECT rebuild_aggregates();
