-- Check-ins arrive in batches (one statement serves many phones), so the aggregates of new
-- check-ins are kept once per statement from its transition table, not once per row: one
-- appended row per activity, one upsert per member and year.
CREATE OR REPLACE FUNCTION attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  act record;
BEGIN
  FOR r IN SELECT * FROM (SELECT NEW.activity_id, NEW.member_id WHERE TG_OP <> 'DELETE'
                          UNION SELECT OLD.activity_id, OLD.member_id) x LOOP
    PERFORM refresh_activity_stats(r.activity_id);
    SELECT org_id, starts_at INTO act FROM activities WHERE id = r.activity_id;
    PERFORM refresh_member_days(act.org_id, r.member_id, china_year(act.starts_at));
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint

DROP TRIGGER attendance_aggregates ON attendance;
--> statement-breakpoint
CREATE TRIGGER attendance_aggregates AFTER UPDATE OR DELETE ON attendance
  FOR EACH ROW EXECUTE FUNCTION attendance_changed();
--> statement-breakpoint

CREATE FUNCTION attendance_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Appended, not counted up, so a branch's members never wait for each other.
  INSERT INTO activity_stats_pending
    SELECT n.activity_id, count(*),
      -sum((SELECT count(*) FROM leave_requests l
            WHERE l.activity_id = n.activity_id AND l.member_id = n.member_id AND l.status = 'approved'))
    FROM inserted n GROUP BY n.activity_id;
  -- In member order, as refresh_member_days takes them, so two statements never wait crosswise.
  PERFORM pg_advisory_xact_lock(7302, m.member_id)
    FROM (SELECT DISTINCT member_id FROM inserted ORDER BY member_id) m;
  INSERT INTO member_attendance_years
    SELECT a.org_id, n.member_id, china_year(a.starts_at),
      bit_or(set_bit(repeat('0', 366)::bit(366),
        extract(doy FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::int - 1, 1))
    FROM inserted n JOIN activities a ON a.id = n.activity_id
    WHERE a.status <> 'cancelled'
    GROUP BY 1, 2, 3
  ON CONFLICT (org_id, member_id, year) DO UPDATE SET days = member_attendance_years.days | EXCLUDED.days;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER attendance_inserted AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION attendance_inserted();
