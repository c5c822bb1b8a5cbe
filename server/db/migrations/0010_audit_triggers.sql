-- The audit log is written here, by triggers, in the same transaction as the change it records:
-- one mechanism for every write, whichever service made it. The app puts who, when, from where
-- and through which route into the transaction setting `vanguard.audit` (server/db/audit-context.ts);
-- a change made without it (migrations, the demo seed, scheduled jobs) is not a person's and is
-- not recorded. Personal and secret fields are masked before they are written.

CREATE FUNCTION audit_mask(row_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN row_data IS NULL THEN NULL ELSE row_data || coalesce((
    SELECT jsonb_object_agg(key, CASE WHEN value = 'null'::jsonb THEN value ELSE to_jsonb('***'::text) END)
    FROM jsonb_each(row_data)
    WHERE key IN ('id_number', 'phone', 'password_hash', 'token_hash', 'csrf_token', 'token', 'url')
  ), '{}'::jsonb) END
$$;
--> statement-breakpoint

-- The org a changed row belongs to, so that supervisors read the log of their own subtree.
CREATE FUNCTION audit_org_path(tbl text, r jsonb) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN tbl = 'orgs' THEN r->>'path'
    WHEN r->>'org_id' IS NOT NULL THEN (SELECT path FROM orgs WHERE id = (r->>'org_id')::int)
    WHEN r->>'activity_id' IS NOT NULL THEN
      (SELECT o.path FROM activities a JOIN orgs o ON o.id = a.org_id WHERE a.id = (r->>'activity_id')::int)
    WHEN r->>'member_id' IS NOT NULL THEN
      (SELECT o.path FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = (r->>'member_id')::int)
    WHEN tbl = 'users' THEN
      (SELECT o.path FROM role_bindings b JOIN orgs o ON o.id = b.org_id
        WHERE b.user_id = (r->>'id')::int ORDER BY length(o.path) LIMIT 1)
  END
$$;
--> statement-breakpoint

-- Arguments: the row's key columns (default `id`).
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb := nullif(current_setting('vanguard.audit', true), '')::jsonb;
  old_row jsonb;
  new_row jsonb;
  before_row jsonb;
  after_row jsonb;
  key_row jsonb;
  row_key text;
BEGIN
  IF ctx IS NULL THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Only what changed; a delivery's bookkeeping on the robot is not a change of its settings.
    SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, new_row->o.key)
      INTO before_row, after_row
      FROM jsonb_each(old_row) o
      WHERE new_row->o.key IS DISTINCT FROM o.value AND o.key NOT IN ('last_status', 'last_at');
    IF after_row IS NULL THEN RETURN NULL; END IF;
  ELSE
    before_row := old_row;
    after_row := new_row;
  END IF;
  key_row := coalesce(new_row, old_row);
  IF TG_NARGS = 0 THEN
    row_key := key_row->>'id';
  ELSE
    SELECT string_agg(key_row->>k, ':') INTO row_key FROM unnest(TG_ARGV) AS k;
  END IF;
  INSERT INTO audit_log (at, user_id, username, ip, route, request_id, table_name, row_id, op, org_path, before, after)
  VALUES (
    coalesce((ctx->>'at')::timestamptz, now()),
    (ctx->>'userId')::int,
    ctx->>'username',
    ctx->>'ip',
    ctx->>'route',
    ctx->>'requestId',
    TG_TABLE_NAME,
    row_key,
    lower(TG_OP),
    audit_org_path(TG_TABLE_NAME, key_row),
    audit_mask(before_row),
    audit_mask(after_row)
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'members', 'member_status_history', 'party_groups', 'users', 'role_bindings',
    'venues', 'theme_recommendations', 'plan_entries', 'activities', 'leave_requests', 'guests',
    'activity_files', 'inspections', 'rectifications', 'scoring_schemes', 'published_rankings',
    'checklist_items', 'annual_reports']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()',
      t || '_audit', t);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER webhooks_audit AFTER INSERT OR UPDATE OR DELETE ON webhooks
  FOR EACH ROW EXECUTE FUNCTION audit_row('org_id');
--> statement-breakpoint
CREATE TRIGGER calendar_tokens_audit AFTER INSERT OR UPDATE OR DELETE ON calendar_tokens
  FOR EACH ROW EXECUTE FUNCTION audit_row('member_id');
--> statement-breakpoint
CREATE TRIGGER checklist_answers_audit AFTER INSERT OR UPDATE OR DELETE ON checklist_answers
  FOR EACH ROW EXECUTE FUNCTION audit_row('item_id', 'org_id');
--> statement-breakpoint
-- A member's own check-in is its own record (who, when, how, from where it was sent); what a
-- secretary marks or takes back is recorded here.
CREATE TRIGGER attendance_audit_marked AFTER INSERT ON attendance
  FOR EACH ROW WHEN (NEW.method = 'manual') EXECUTE FUNCTION audit_row('activity_id', 'member_id');
--> statement-breakpoint
CREATE TRIGGER attendance_audit AFTER UPDATE OR DELETE ON attendance
  FOR EACH ROW EXECUTE FUNCTION audit_row('activity_id', 'member_id');
