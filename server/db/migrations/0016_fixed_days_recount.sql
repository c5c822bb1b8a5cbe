-- When every branch's owed months are computed at once (the first start after an upgrade, a new
-- year), the app recounts the compliance in the same transaction instead of leaving one delta per
-- month, subtree and part (some 300,000 for a county) for every read to scan until the fold.
-- `vanguard.recounting_compliance`, set for that transaction only, tells this trigger to stay out.
CREATE OR REPLACE FUNCTION fixed_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  oid integer := coalesce(NEW.org_id, OLD.org_id);
  m date := coalesce(NEW.month, OLD.month);
  b branch_months;
BEGIN
  IF current_setting('vanguard.recounting_compliance', true) = 'on' THEN RETURN NULL; END IF;
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
