-- The read model's distinct people (after 0012's rollups): members per subtree and residents per
-- org for each year, quarter and month, kept from the day bitsets; the fold and the rebuild of
-- everything the read model keeps.

-- Distinct members who took part, per org as the root of a subtree (an activity of a branch
-- counts for the branch and every org above it) and part of a year.
CREATE TABLE subtree_people (
  org_id integer NOT NULL,
  year smallint NOT NULL,
  part smallint NOT NULL,
  members integer NOT NULL,
  PRIMARY KEY (org_id, year, part)
);
--> statement-breakpoint
CREATE INDEX subtree_people_empty_idx ON subtree_people (org_id) WHERE members = 0;
--> statement-breakpoint
CREATE TABLE subtree_people_pending (LIKE subtree_people);
--> statement-breakpoint
CREATE INDEX member_attendance_years_member_idx ON member_attendance_years (member_id, year);
--> statement-breakpoint

CREATE VIEW subtree_people_recount AS
SELECT a.id AS org_id, m.year, p.part, count(DISTINCT m.member_id)::integer AS members
FROM member_attendance_years m JOIN orgs o ON o.id = m.org_id
CROSS JOIN LATERAL unnest(path_ids(o.path)) a(id)
CROSS JOIN LATERAL unnest(parts_of(m.days, m.year)) p(part)
GROUP BY 1, 2, 3;
--> statement-breakpoint

-- A member's days at one org changed (member_attendance_years is written under the member's lock,
-- so no two of these run for one member at once): the parts newly touched count the member in
-- every org above, unless another org's row already counted them there; the parts no longer
-- touched, the other way round.
CREATE FUNCTION member_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mid integer := coalesce(NEW.member_id, OLD.member_id);
  yr integer := coalesce(NEW.year, OLD.year);
  oid integer := coalesce(NEW.org_id, OLD.org_id);
  before smallint[] := CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE parts_of(OLD.days, OLD.year) END;
  after smallint[] := CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE parts_of(NEW.days, NEW.year) END;
BEGIN
  IF before = after THEN RETURN NULL; END IF;
  INSERT INTO subtree_people_pending (org_id, year, part, members)
  SELECT a.id, yr, c.part, c.sign
  FROM (SELECT p AS part, 1 AS sign FROM unnest(after) p WHERE p <> ALL(before)
        UNION ALL SELECT p, -1 FROM unnest(before) p WHERE p <> ALL(after)) c
  CROSS JOIN unnest(path_ids((SELECT path FROM orgs WHERE id = oid))) a(id)
  WHERE NOT EXISTS (
    SELECT 1 FROM member_attendance_years m JOIN orgs o ON o.id = m.org_id
    WHERE m.member_id = mid AND m.year = yr AND m.org_id <> oid AND a.id = ANY(path_ids(o.path))
      AND c.part = ANY(parts_of(m.days, yr)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_days_people AFTER INSERT OR UPDATE OR DELETE ON member_attendance_years
  FOR EACH ROW EXECUTE FUNCTION member_days_changed();
--> statement-breakpoint

-- Recounted, not re-deleted and re-inserted, so an unchanged row fires nothing.
CREATE OR REPLACE FUNCTION refresh_member_days(oid integer, mid integer, yr integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fresh bit(366);
BEGIN
  PERFORM pg_advisory_xact_lock(7302, mid);
  SELECT days INTO fresh FROM member_attendance_years_recount r WHERE r.org_id = oid AND r.member_id = mid AND r.year = yr;
  IF fresh IS NULL THEN
    DELETE FROM member_attendance_years WHERE org_id = oid AND member_id = mid AND year = yr;
  ELSE
    INSERT INTO member_attendance_years VALUES (oid, mid, yr, fresh)
    ON CONFLICT (org_id, member_id, year) DO UPDATE SET days = EXCLUDED.days
      WHERE member_attendance_years.days <> EXCLUDED.days;
  END IF;
END $$;
--> statement-breakpoint

-- A moved org changes which subtrees its activities and its members' attendance count in: the
-- orgs above it on one side only are recounted (rare, and done in the move's transaction).
CREATE FUNCTION recount_subtrees(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM subtree_people WHERE org_id = ANY(ids);
  DELETE FROM subtree_people_pending WHERE org_id = ANY(ids);
  INSERT INTO subtree_people
    SELECT a.id, m.year, p.part, count(DISTINCT m.member_id)::integer
    FROM member_attendance_years m JOIN orgs o ON o.id = m.org_id
    CROSS JOIN LATERAL unnest(path_ids(o.path)) a(id)
    CROSS JOIN LATERAL unnest(parts_of(m.days, m.year)) p(part)
    WHERE path_ids(o.path) && ids AND a.id = ANY(ids)
    GROUP BY 1, 2, 3;
  DELETE FROM subtree_stats WHERE org_id = ANY(ids);
  DELETE FROM subtree_stats_pending WHERE org_id = ANY(ids);
  INSERT INTO subtree_stats SELECT * FROM subtree_stats_recount WHERE org_id = ANY(ids);
END $$;
--> statement-breakpoint
CREATE FUNCTION orgs_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved integer[] := ARRAY(SELECT n.id FROM old_orgs o JOIN new_orgs n ON n.id = o.id WHERE n.path <> o.path);
  above_before integer[] := ARRAY(SELECT DISTINCT unnest(path_ids(o.path)) FROM old_orgs o WHERE o.id = ANY(moved));
  above_after integer[] := ARRAY(SELECT DISTINCT unnest(path_ids(n.path)) FROM new_orgs n WHERE n.id = ANY(moved));
BEGIN
  -- A new org gets its path this way too; with no activity under it there is nothing to recount.
  IF NOT EXISTS (SELECT 1 FROM activity_stats WHERE org_id = ANY(moved)) THEN RETURN NULL; END IF;
  -- The orgs above on one side only: the moved orgs themselves and the common ancestors keep their figures.
  PERFORM recount_subtrees(ARRAY(
    (SELECT unnest(above_before) EXCEPT SELECT unnest(above_after))
    UNION (SELECT unnest(above_after) EXCEPT SELECT unnest(above_before))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orgs_moved AFTER UPDATE ON orgs REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
  FOR EACH STATEMENT EXECUTE FUNCTION orgs_moved();
--> statement-breakpoint

-- The residents (the masses) who took part, told apart as the dashboard always has: by phone,
-- else by name, within one org. Their days per org and year, like the members'.
CREATE TABLE masses_days (
  org_id integer NOT NULL,
  person text NOT NULL,
  year smallint NOT NULL,
  days bit(366) NOT NULL,
  PRIMARY KEY (org_id, person, year)
);
--> statement-breakpoint
CREATE INDEX guests_person_idx ON guests ((coalesce(phone_hmac, name)));
--> statement-breakpoint

CREATE VIEW masses_days_recount AS
SELECT a.org_id, coalesce(g.phone_hmac, g.name) AS person, china_year(a.starts_at)::smallint AS year,
  bit_or(set_bit(repeat('0', 366)::bit(366),
    extract(doy FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::integer - 1, 1)) AS days
FROM guests g JOIN activities a ON a.id = g.activity_id
WHERE a.status <> 'cancelled'
GROUP BY 1, 2, 3;
--> statement-breakpoint

-- Distinct residents per org and part of a year; a subtree's are the sum over its orgs.
CREATE TABLE org_masses (
  org_id integer NOT NULL,
  year smallint NOT NULL,
  part smallint NOT NULL,
  masses integer NOT NULL,
  PRIMARY KEY (org_id, year, part)
);
--> statement-breakpoint
CREATE INDEX org_masses_empty_idx ON org_masses (org_id) WHERE masses = 0;
--> statement-breakpoint
CREATE TABLE org_masses_pending (LIKE org_masses);
--> statement-breakpoint

CREATE VIEW org_masses_recount AS
SELECT m.org_id, m.year, p.part, count(*)::integer AS masses
FROM masses_days m CROSS JOIN LATERAL unnest(parts_of(m.days, m.year)) p(part)
GROUP BY 1, 2, 3;
--> statement-breakpoint

CREATE FUNCTION masses_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before smallint[] := CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE parts_of(OLD.days, OLD.year) END;
  after smallint[] := CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE parts_of(NEW.days, NEW.year) END;
BEGIN
  IF before = after THEN RETURN NULL; END IF;
  INSERT INTO org_masses_pending (org_id, year, part, masses)
  SELECT coalesce(NEW.org_id, OLD.org_id), coalesce(NEW.year, OLD.year), c.part, c.sign
  FROM (SELECT p AS part, 1 AS sign FROM unnest(after) p WHERE p <> ALL(before)
        UNION ALL SELECT p, -1 FROM unnest(before) p WHERE p <> ALL(after)) c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER masses_days_people AFTER INSERT OR UPDATE OR DELETE ON masses_days
  FOR EACH ROW EXECUTE FUNCTION masses_days_changed();
--> statement-breakpoint

CREATE FUNCTION refresh_masses_days(oid integer, who text, yr integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fresh bit(366);
BEGIN
  PERFORM pg_advisory_xact_lock(7303, hashtext(oid || '|' || who));
  SELECT bit_or(set_bit(repeat('0', 366)::bit(366),
      extract(doy FROM ((a.starts_at AT TIME ZONE 'UTC') + interval '8 hours'))::integer - 1, 1)) INTO fresh
  FROM guests g JOIN activities a ON a.id = g.activity_id
  WHERE coalesce(g.phone_hmac, g.name) = who AND a.org_id = oid AND a.status <> 'cancelled'
    AND china_year(a.starts_at) = yr;
  IF fresh IS NULL THEN
    DELETE FROM masses_days WHERE org_id = oid AND person = who AND year = yr;
  ELSE
    INSERT INTO masses_days VALUES (oid, who, yr, fresh)
    ON CONFLICT (org_id, person, year) DO UPDATE SET days = EXCLUDED.days WHERE masses_days.days <> EXCLUDED.days;
  END IF;
END $$;
--> statement-breakpoint

CREATE FUNCTION guests_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT DISTINCT a.org_id, x.person, china_year(a.starts_at) AS year
           FROM (SELECT NEW.activity_id AS activity_id, coalesce(NEW.phone_hmac, NEW.name) AS person WHERE TG_OP <> 'DELETE'
                 UNION SELECT OLD.activity_id, coalesce(OLD.phone_hmac, OLD.name) WHERE TG_OP <> 'INSERT') x
           JOIN activities a ON a.id = x.activity_id LOOP
    PERFORM refresh_masses_days(r.org_id, r.person, r.year);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER guests_people AFTER INSERT OR UPDATE OR DELETE ON guests
  FOR EACH ROW EXECUTE FUNCTION guests_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  PERFORM refresh_activity_stats(NEW.id);
  -- A reschedule, cancellation or move changes on which day, and for which org, people took part.
  IF TG_OP = 'UPDATE' AND (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status
                           OR OLD.org_id IS DISTINCT FROM NEW.org_id) THEN
    FOR t IN SELECT member_id FROM attendance WHERE activity_id = NEW.id ORDER BY member_id LOOP
      PERFORM refresh_member_days(OLD.org_id, t.member_id, china_year(OLD.starts_at));
      PERFORM refresh_member_days(NEW.org_id, t.member_id, china_year(NEW.starts_at));
    END LOOP;
    FOR t IN SELECT DISTINCT coalesce(phone_hmac, name) AS person FROM guests WHERE activity_id = NEW.id ORDER BY 1 LOOP
      PERFORM refresh_masses_days(OLD.org_id, t.person, china_year(OLD.starts_at));
      PERFORM refresh_masses_days(NEW.org_id, t.person, china_year(NEW.starts_at));
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

-- Adds up the pending check-ins and the figures' and people's deltas.
CREATE FUNCTION fold_subtree_figures() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  n := fold_activity_stats();
  WITH moved AS (DELETE FROM subtree_stats_pending RETURNING *)
  INSERT INTO subtree_stats
    SELECT org_id, year, part, type, theme, sum(activities), sum(present), sum(masses), sum(expected),
      sum(present_of_expected), sum(ledger_complete), sum(short_reason), sum_each(reached)
    FROM moved GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, year, part, type, theme) DO UPDATE SET
    activities = subtree_stats.activities + EXCLUDED.activities,
    present = subtree_stats.present + EXCLUDED.present,
    masses = subtree_stats.masses + EXCLUDED.masses,
    expected = subtree_stats.expected + EXCLUDED.expected,
    present_of_expected = subtree_stats.present_of_expected + EXCLUDED.present_of_expected,
    ledger_complete = subtree_stats.ledger_complete + EXCLUDED.ledger_complete,
    short_reason = subtree_stats.short_reason + EXCLUDED.short_reason,
    reached = int_array_add(subtree_stats.reached, EXCLUDED.reached);
  DELETE FROM subtree_stats WHERE activities = 0;
  WITH moved AS (DELETE FROM subtree_people_pending RETURNING *)
  INSERT INTO subtree_people SELECT org_id, year, part, sum(members) FROM moved GROUP BY 1, 2, 3
  ON CONFLICT (org_id, year, part) DO UPDATE SET members = subtree_people.members + EXCLUDED.members;
  DELETE FROM subtree_people WHERE members = 0;
  WITH moved AS (DELETE FROM org_masses_pending RETURNING *)
  INSERT INTO org_masses SELECT org_id, year, part, sum(masses) FROM moved GROUP BY 1, 2, 3
  ON CONFLICT (org_id, year, part) DO UPDATE SET masses = org_masses.masses + EXCLUDED.masses;
  DELETE FROM org_masses WHERE masses = 0;
  RETURN n;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Truncated, not deleted: a rebuild leaves no dead rows for the dashboard to scan past.
  TRUNCATE activity_stats, activity_stats_pending, member_attendance_years, masses_days, branch_months,
    subtree_stats, subtree_stats_pending, subtree_people, subtree_people_pending, org_masses, org_masses_pending;
  ALTER TABLE activity_stats DISABLE TRIGGER activity_stats_rollup;
  ALTER TABLE member_attendance_years DISABLE TRIGGER member_days_people;
  ALTER TABLE masses_days DISABLE TRIGGER masses_days_people;
  INSERT INTO activity_stats SELECT * FROM activity_stats_recount;
  INSERT INTO member_attendance_years SELECT * FROM member_attendance_years_recount;
  INSERT INTO masses_days SELECT * FROM masses_days_recount;
  ALTER TABLE activity_stats ENABLE TRIGGER activity_stats_rollup;
  ALTER TABLE member_attendance_years ENABLE TRIGGER member_days_people;
  ALTER TABLE masses_days ENABLE TRIGGER masses_days_people;
  INSERT INTO subtree_stats SELECT * FROM subtree_stats_recount;
  INSERT INTO branch_months SELECT * FROM branch_months_recount;
  INSERT INTO subtree_people SELECT * FROM subtree_people_recount;
  INSERT INTO org_masses SELECT * FROM org_masses_recount;
END $$;
--> statement-breakpoint

SELECT rebuild_aggregates();
