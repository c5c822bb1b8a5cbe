-- The read model's rollups: what the dashboard and the ranking need, kept per subtree and part
-- of a year (year, quarter, month), and per branch and month, so a subtree's period is answered
-- by looking up a few rows instead of one row per activity shipped to Node (0013 adds the
-- distinct people, the fold and the rebuild).
-- Every change appends a signed delta row to a *_pending table (no row is locked, so check-ins
-- and hand-marked attendance never wait for each other); `fold_read_model()` adds them up on the
-- read model's schedule, and readers add what is still pending.

-- Small helpers, immutable so the planner may fold them.
CREATE FUNCTION path_ids(path text) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN string_to_array(trim(BOTH '/' FROM path), '/')::integer[];
--> statement-breakpoint

-- Parts of a year the people figures are kept for: 0 the year, 1-12 its months, 13-16 its
-- quarters. The parts a year's days touch (bit n-1 = day n of the year), in order.
CREATE FUNCTION parts_of(days bit(366), yr integer) RETURNS smallint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH months AS (
    SELECT k FROM generate_series(1, 12) k
    WHERE strpos(substring(days::text FROM extract(doy FROM make_date(yr, k, 1))::integer
                           FOR extract(day FROM make_date(yr, k, 1) + interval '1 month - 1 day')::integer), '1') > 0)
  SELECT coalesce(array_agg(p ORDER BY p), '{}') FROM (
    SELECT k::smallint AS p FROM months
    UNION SELECT (12 + (k + 2) / 3)::smallint FROM months
    UNION SELECT 0::smallint FROM months) x
$$;
--> statement-breakpoint

CREATE FUNCTION int_array_add(a integer[], b integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT x + y FROM unnest(a, b) AS t(x, y));
--> statement-breakpoint
CREATE AGGREGATE sum_each(integer[]) (SFUNC = int_array_add, STYPE = integer[]);
--> statement-breakpoint

-- The one definition of an activity's figures, used by the rollups, the activity page, the
-- ledger and the exports alike. Expected: its Party members less those on approved leave.
CREATE FUNCTION expected_at(members integer, leave integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN greatest(members - leave, 0);
--> statement-breakpoint
-- A ledger's materials: the minutes; a themed party day also its month's plan.
CREATE FUNCTION ledger_materials(type text, has_minutes boolean, has_plan boolean) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN has_minutes AND (has_plan OR type <> 'themed_party_day');
--> statement-breakpoint
-- Complete with all three: materials, attendance (someone present) and records (a photo).
CREATE FUNCTION ledger_complete(type text, has_minutes boolean, has_plan boolean, present integer, photos integer)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ledger_materials(type, has_minutes, has_plan) AND present > 0 AND photos > 0;
--> statement-breakpoint

-- The figures of every subtree (each org with everything under it) per part of a year
-- (0 the year, 1-12 its months, 13-16 its quarters), type and theme: a county's year is one row
-- per type and theme, its children's years and its months a dozen more.
CREATE TABLE subtree_stats (
  org_id integer NOT NULL,
  year smallint NOT NULL,
  part smallint NOT NULL,
  type text NOT NULL,
  -- '' for none, so that it can be part of the key.
  theme text NOT NULL,
  activities integer NOT NULL,
  present integer NOT NULL,
  masses integer NOT NULL,
  expected integer NOT NULL,
  present_of_expected integer NOT NULL,
  ledger_complete integer NOT NULL,
  short_reason integer NOT NULL,
  -- reached[k + 1]: activities without a short reason lasting at least k half hours (k = 0..48),
  -- so the ranking reads the instance's minimum (MIN_ACTIVITY_HOURS, in half hours) as one element.
  reached integer[] NOT NULL,
  PRIMARY KEY (org_id, year, part, type, theme)
);
--> statement-breakpoint
CREATE INDEX subtree_stats_empty_idx ON subtree_stats (org_id) WHERE activities = 0;
--> statement-breakpoint
CREATE TABLE subtree_stats_pending (LIKE subtree_stats);
--> statement-breakpoint

-- One activity's signed figures, as the rows of its own org.
CREATE FUNCTION activity_figures(s activity_stats, present integer, leave integer, sign integer)
  RETURNS TABLE (type text, theme text, activities integer, present integer, masses integer, expected integer,
    present_of_expected integer, ledger_complete integer, short_reason integer, reached integer[])
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT s.type, coalesce(s.theme, ''), sign, sign * present, sign * s.masses, sign * expected_at(s.members, leave),
    sign * least(present, expected_at(s.members, leave)),
    sign * ledger_complete(s.type, s.has_minutes, s.has_plan, present, s.photos)::integer,
    sign * s.short_reason::integer,
    ARRAY(SELECT CASE WHEN NOT s.short_reason AND s.duration_min >= 30 * k THEN sign ELSE 0 END
          FROM generate_series(0, 48) k)
$$;
--> statement-breakpoint

-- ... and as the rows of every subtree it lies in (its org and each org above), for its month,
-- its quarter and its year.
CREATE FUNCTION activity_subtree_figures(s activity_stats, path text, present integer, leave integer, sign integer)
  RETURNS SETOF subtree_stats LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT a.id, extract(year FROM s.day)::smallint, p.part, f.*
  FROM activity_figures(s, present, leave, sign) f
  CROSS JOIN unnest(path_ids(path)) a(id)
  CROSS JOIN unnest(ARRAY[0, extract(month FROM s.day), 12 + extract(quarter FROM s.day)]::smallint[]) p(part)
$$;
--> statement-breakpoint

CREATE VIEW subtree_stats_recount AS
SELECT f.org_id, f.year, f.part, f.type, f.theme, sum(f.activities)::integer AS activities,
  sum(f.present)::integer AS present, sum(f.masses)::integer AS masses, sum(f.expected)::integer AS expected,
  sum(f.present_of_expected)::integer AS present_of_expected, sum(f.ledger_complete)::integer AS ledger_complete,
  sum(f.short_reason)::integer AS short_reason, sum_each(f.reached) AS reached
FROM activity_stats s JOIN orgs o ON o.id = s.org_id
CROSS JOIN LATERAL activity_subtree_figures(s, o.path, s.present, s.leave, 1) f
WHERE NOT s.cancelled
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint

-- Per branch and month: the days its themed party days fell on (bit d-1 for day d) and whether
-- the month's plan is written; with the fixed days (which Vanguard computes) this answers
-- "held, on the fixed day, with the plan" for every branch-month without reading an activity.
CREATE TABLE branch_months (
  org_id integer NOT NULL,
  month date NOT NULL,
  party_days integer NOT NULL,
  planned boolean NOT NULL,
  PRIMARY KEY (org_id, month)
);
--> statement-breakpoint

CREATE VIEW branch_months_recount AS
SELECT org_id, month, bit_or(party_days)::integer AS party_days, bool_or(planned) AS planned FROM (
  SELECT org_id, date_trunc('month', day)::date AS month, (1 << (extract(day FROM day)::integer - 1)) AS party_days,
    false AS planned
  FROM activity_stats WHERE type = 'themed_party_day' AND NOT cancelled
  UNION ALL
  SELECT org_id, make_date(year, month, 1), 0, true FROM plan_entries) x
GROUP BY 1, 2;
--> statement-breakpoint

-- Rare writes (a party day scheduled, moved or cancelled; a plan written): recounted under a lock
-- per branch-month, which the statement after it sees committed.
CREATE FUNCTION refresh_branch_month(oid integer, m date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  days integer;
  plan boolean;
BEGIN
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
    ON CONFLICT (org_id, month) DO UPDATE SET party_days = EXCLUDED.party_days, planned = EXCLUDED.planned;
  END IF;
END $$;
--> statement-breakpoint

CREATE FUNCTION activity_stats_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND NOT OLD.cancelled THEN
    INSERT INTO subtree_stats_pending SELECT * FROM activity_subtree_figures(OLD,
      (SELECT path FROM orgs WHERE id = OLD.org_id), OLD.present, OLD.leave, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NOT NEW.cancelled THEN
    INSERT INTO subtree_stats_pending SELECT * FROM activity_subtree_figures(NEW,
      (SELECT path FROM orgs WHERE id = NEW.org_id), NEW.present, NEW.leave, 1);
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.type = 'themed_party_day' AND (TG_OP = 'DELETE'
      OR (OLD.org_id, OLD.day, OLD.type, OLD.cancelled) IS DISTINCT FROM (NEW.org_id, NEW.day, NEW.type, NEW.cancelled)) THEN
    PERFORM refresh_branch_month(OLD.org_id, date_trunc('month', OLD.day)::date);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.type = 'themed_party_day' AND (TG_OP = 'INSERT'
      OR (OLD.org_id, OLD.day, OLD.type, OLD.cancelled) IS DISTINCT FROM (NEW.org_id, NEW.day, NEW.type, NEW.cancelled)) THEN
    PERFORM refresh_branch_month(NEW.org_id, date_trunc('month', NEW.day)::date);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_stats_rollup AFTER INSERT OR UPDATE OR DELETE ON activity_stats
  FOR EACH ROW EXECUTE FUNCTION activity_stats_changed();
--> statement-breakpoint

CREATE FUNCTION plan_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM refresh_branch_month(OLD.org_id, make_date(OLD.year, OLD.month, 1)); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM refresh_branch_month(NEW.org_id, make_date(NEW.year, NEW.month, 1)); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_entries_branch_months AFTER INSERT OR UPDATE OR DELETE ON plan_entries
  FOR EACH ROW EXECUTE FUNCTION plan_entry_changed();
