-- Fixed-day compliance kept like the other figures: which months each branch owes a themed party
-- day and its fixed day in each (`fixed_days`, written by Vanguard from the branch's rule, which
-- server/core/fixed-day computes), and per subtree and year, quarter or month how many of those
-- branch-months were held, on the fixed day, with the plan (`subtree_compliance`).

CREATE TABLE fixed_days (
  org_id integer NOT NULL,
  month date NOT NULL,
  day smallint NOT NULL,
  PRIMARY KEY (org_id, month)
);
--> statement-breakpoint

-- The years `fixed_days` is kept for; a month outside them is judged from the activities.
CREATE TABLE fixed_days_horizon (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  first_year smallint NOT NULL,
  last_year smallint NOT NULL
);
--> statement-breakpoint

-- Orgs whose owed months may have changed (a rule, an exemption, a child added or moved away),
-- whoever changed them: the app recomputes them before its next read of the figures.
CREATE TABLE fixed_days_stale (org_id integer PRIMARY KEY);
--> statement-breakpoint

CREATE FUNCTION orgs_fixed_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[] := ARRAY(
    SELECT DISTINCT x.id FROM (SELECT NEW.id WHERE TG_OP <> 'DELETE' UNION SELECT NEW.parent_id WHERE TG_OP <> 'DELETE'
      UNION SELECT OLD.id WHERE TG_OP <> 'INSERT' UNION SELECT OLD.parent_id WHERE TG_OP <> 'INSERT') x(id)
    WHERE x.id IS NOT NULL ORDER BY 1);
BEGIN
  -- The lock the app holds while it rewrites an org's owed months: this change waits for it, or
  -- the rewrite waits for this change and reads it.
  PERFORM pg_advisory_xact_lock(7305, id) FROM unnest(ids) id ORDER BY id;
  INSERT INTO fixed_days_stale SELECT unnest(ids) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orgs_fixed_days AFTER INSERT OR DELETE OR UPDATE OF fixed_day, exemptions, parent_id ON orgs
  FOR EACH ROW EXECUTE FUNCTION orgs_fixed_days_changed();
--> statement-breakpoint

CREATE TABLE subtree_compliance (
  org_id integer NOT NULL,
  year smallint NOT NULL,
  part smallint NOT NULL,
  due integer NOT NULL,
  held integer NOT NULL,
  on_fixed_day integer NOT NULL,
  with_plan integer NOT NULL,
  planned integer NOT NULL,
  PRIMARY KEY (org_id, year, part)
);
--> statement-breakpoint
CREATE INDEX subtree_compliance_empty_idx ON subtree_compliance (org_id) WHERE due = 0;
--> statement-breakpoint
CREATE TABLE subtree_compliance_pending (LIKE subtree_compliance);
--> statement-breakpoint

-- One owed branch-month's signed counts for every subtree it lies in and its month, quarter and
-- year: owed (due), held (a themed party day that month), on the fixed day itself, with the plan.
CREATE FUNCTION branch_month_compliance(oid integer, m date, fixed smallint, party_days integer, planned boolean,
  sign integer) RETURNS SETOF subtree_compliance LANGUAGE sql STABLE AS $$
  SELECT a.id, extract(year FROM m)::smallint, p.part, sign, sign * (party_days <> 0)::integer,
    sign * (party_days & (1 << (fixed - 1)) <> 0)::integer, sign * (party_days <> 0 AND planned)::integer,
    sign * planned::integer
  FROM unnest(path_ids((SELECT path FROM orgs WHERE id = oid))) a(id)
  CROSS JOIN unnest(ARRAY[0, extract(month FROM m), 12 + extract(quarter FROM m)]::smallint[]) p(part)
  WHERE fixed IS NOT NULL
$$;
--> statement-breakpoint

CREATE VIEW subtree_compliance_recount AS
SELECT c.org_id, c.year, c.part, sum(c.due)::integer AS due, sum(c.held)::integer AS held,
  sum(c.on_fixed_day)::integer AS on_fixed_day, sum(c.with_plan)::integer AS with_plan,
  sum(c.planned)::integer AS planned
FROM fixed_days f LEFT JOIN branch_months b ON b.org_id = f.org_id AND b.month = f.month
CROSS JOIN LATERAL branch_month_compliance(f.org_id, f.month, f.day, coalesce(b.party_days, 0),
  coalesce(b.planned, false), 1) c
GROUP BY 1, 2, 3;
--> statement-breakpoint

-- Both tables change under the branch's lock (shared by the party days and plans of its months,
-- exclusive while its owed months are rewritten), so each side sees the other committed.
CREATE FUNCTION branch_months_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  oid integer := coalesce(NEW.org_id, OLD.org_id);
  m date := coalesce(NEW.month, OLD.month);
  fixed smallint;
BEGIN
  SELECT day INTO fixed FROM fixed_days WHERE org_id = oid AND month = m;
  IF fixed IS NULL THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO subtree_compliance_pending SELECT * FROM branch_month_compliance(oid, m, fixed, OLD.party_days, OLD.planned, -1);
  ELSE
    INSERT INTO subtree_compliance_pending SELECT * FROM branch_month_compliance(oid, m, fixed, 0, false, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO subtree_compliance_pending SELECT * FROM branch_month_compliance(oid, m, fixed, NEW.party_days, NEW.planned, 1);
  ELSE
    INSERT INTO subtree_compliance_pending SELECT * FROM branch_month_compliance(oid, m, fixed, 0, false, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER branch_months_compliance AFTER INSERT OR UPDATE OR DELETE ON branch_months
  FOR EACH ROW EXECUTE FUNCTION branch_months_changed();
--> statement-breakpoint

CREATE FUNCTION fixed_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  oid integer := coalesce(NEW.org_id, OLD.org_id);
  m date := coalesce(NEW.month, OLD.month);
  b branch_months;
BEGIN
  SELECT * INTO b FROM branch_months WHERE org_id = oid AND month = m;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO subtree_compliance_pending
      SELECT * FROM branch_month_compliance(oid, m, OLD.day, coalesce(b.party_days, 0), coalesce(b.planned, false), -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO subtree_compliance_pending
      SELECT * FROM branch_month_compliance(oid, m, NEW.day, coalesce(b.party_days, 0), coalesce(b.planned, false), 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER fixed_days_compliance AFTER INSERT OR UPDATE OR DELETE ON fixed_days
  FOR EACH ROW EXECUTE FUNCTION fixed_days_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION refresh_branch_month(oid integer, m date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  days integer;
  plan boolean;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7305, oid);
  PERFORM pg_advisory_xact_lock(7304, hashtext(oid || '|' || m));
  SELECT coalesce(bit_or(1 << (extract(day FROM s.day)::integer - 1)), 0) INTO days FROM activity_stats s
  WHERE s.org_id = oid AND s.day >= m AND s.day < m + interval '1 month' AND s.type = 'themed_party_day'
    AND NOT s.cancelled;
  plan := EXISTS (SELECT 1 FROM plan_entries p WHERE p.org_id = oid AND p.year = extract(year FROM m)
                    AND p.month = extract(month FROM m));
  IF days = 0 AND NOT plan THEN
    DELETE FROM branch_months WHERE org_id = oid AND month = m;
  ELSE
    INSERT INTO branch_months VALUES (oid, m, days, plan)
    ON CONFLICT (org_id, month) DO UPDATE SET party_days = EXCLUDED.party_days, planned = EXCLUDED.planned
      WHERE (branch_months.party_days, branch_months.planned) IS DISTINCT FROM (EXCLUDED.party_days, EXCLUDED.planned);
  END IF;
END $$;
--> statement-breakpoint

-- Rewrites the owed months of `orgs` within the horizon to exactly the given ones (the months
-- of other orgs in the arrays are ignored), leaving unchanged rows untouched, and marks them
-- fresh; the caller holds the orgs' locks (7305) since it read their rules.
CREATE FUNCTION keep_fixed_days(orgs integer[], org_ids integer[], months date[], days smallint[],
  first_year smallint, last_year smallint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fixed_days_horizon VALUES (true, first_year, last_year)
  ON CONFLICT (only_row) DO UPDATE SET first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year;
  DELETE FROM fixed_days f WHERE f.org_id = ANY(orgs)
    AND NOT EXISTS (SELECT 1 FROM unnest(org_ids, months) g(org_id, month) WHERE g.org_id = f.org_id AND g.month = f.month);
  DELETE FROM fixed_days f WHERE f.org_id = ANY(orgs)
    AND (extract(year FROM f.month) < first_year OR extract(year FROM f.month) > last_year);
  INSERT INTO fixed_days SELECT g.org_id, g.month, g.day FROM unnest(org_ids, months, days) g(org_id, month, day)
    WHERE g.org_id = ANY(orgs)
  ON CONFLICT (org_id, month) DO UPDATE SET day = EXCLUDED.day WHERE fixed_days.day <> EXCLUDED.day;
  DELETE FROM fixed_days_stale WHERE org_id = ANY(orgs);
END $$;
--> statement-breakpoint

-- Adds up every pending table; one folder at a time (the schedule's lock).
CREATE FUNCTION fold_read_model() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  n := fold_subtree_figures();
  WITH moved AS (DELETE FROM subtree_compliance_pending RETURNING *)
  INSERT INTO subtree_compliance
    SELECT org_id, year, part, sum(due), sum(held), sum(on_fixed_day), sum(with_plan), sum(planned)
    FROM moved GROUP BY 1, 2, 3
  ON CONFLICT (org_id, year, part) DO UPDATE SET
    due = subtree_compliance.due + EXCLUDED.due, held = subtree_compliance.held + EXCLUDED.held,
    on_fixed_day = subtree_compliance.on_fixed_day + EXCLUDED.on_fixed_day,
    with_plan = subtree_compliance.with_plan + EXCLUDED.with_plan,
    planned = subtree_compliance.planned + EXCLUDED.planned;
  DELETE FROM subtree_compliance WHERE due = 0;
  RETURN n;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION recount_subtrees(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
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
  DELETE FROM subtree_compliance WHERE org_id = ANY(ids);
  DELETE FROM subtree_compliance_pending WHERE org_id = ANY(ids);
  INSERT INTO subtree_compliance SELECT * FROM subtree_compliance_recount WHERE org_id = ANY(ids);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Truncated, not deleted: a rebuild leaves no dead rows for the dashboard to scan past. The
  -- owed months (`fixed_days`) are Vanguard's to write and stay.
  TRUNCATE activity_stats, activity_stats_pending, member_attendance_years, masses_days, branch_months,
    subtree_stats, subtree_stats_pending, subtree_people, subtree_people_pending, org_masses, org_masses_pending,
    subtree_compliance, subtree_compliance_pending;
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
END $$;
--> statement-breakpoint

-- Every org's owed months are computed by the app at its next start.
INSERT INTO fixed_days_stale SELECT id FROM orgs ON CONFLICT DO NOTHING;
--> statement-breakpoint

-- The tables 0013 rebuilt, analyzed now rather than when autovacuum comes round.
ANALYZE activity_stats, member_attendance_years, masses_days, branch_months, subtree_stats, subtree_people, org_masses;
