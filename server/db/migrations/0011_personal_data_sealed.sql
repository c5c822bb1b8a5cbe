CREATE TABLE "personal_data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"check" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_phone_key";--> statement-breakpoint
DROP INDEX "members_id_number_key";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_hmac" text;--> statement-breakpoint
ALTER TABLE "guests" ADD COLUMN "phone_hmac" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "phone_hmac" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "id_number_hmac" text;--> statement-breakpoint
CREATE INDEX "members_phone_idx" ON "members" USING btree ("phone_hmac");--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" USING btree ("phone_hmac");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_key" ON "members" USING btree ("id_number_hmac");--> statement-breakpoint

-- Every phone and ID number written from now on is sealed and carries its blind index: a write
-- that forgot either fails here instead of storing a phone in the clear. NOT VALID because rows
-- from before this release are sealed by the start that follows (server/db/personal-data), which
-- then validates these.
ALTER TABLE "users" ADD CONSTRAINT "users_phone_sealed"
  CHECK (phone IS NULL AND phone_hmac IS NULL OR phone LIKE 'v1.%' AND phone_hmac IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "guests" ADD CONSTRAINT "guests_phone_sealed"
  CHECK (phone IS NULL AND phone_hmac IS NULL OR phone LIKE 'v1.%' AND phone_hmac IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_phone_sealed"
  CHECK (phone IS NULL AND phone_hmac IS NULL OR phone LIKE 'v1.%' AND phone_hmac IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_id_number_sealed"
  CHECK (id_number IS NULL AND id_number_hmac IS NULL OR id_number LIKE 'v1.%' AND id_number_hmac IS NOT NULL) NOT VALID;
--> statement-breakpoint

-- A blind index is as personal as the value it finds: never in the audit log.
CREATE OR REPLACE FUNCTION audit_mask(row_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN row_data IS NULL THEN NULL ELSE (row_data || coalesce((
    SELECT jsonb_object_agg(key, CASE WHEN value = 'null'::jsonb THEN value ELSE to_jsonb('***'::text) END)
    FROM jsonb_each(row_data)
    WHERE key IN ('id_number', 'phone', 'password_hash', 'token_hash', 'csrf_token', 'token', 'url')
  ), '{}'::jsonb)) - ARRAY(SELECT key FROM jsonb_object_keys(row_data) AS key WHERE key LIKE '%\_hmac') END
$$;
--> statement-breakpoint

-- As in 0010, but a sealed value is compared by its blind index: sealing the same phone again
-- (a fresh nonce each time) is not a change of phone.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
      WHERE new_row->o.key IS DISTINCT FROM o.value AND o.key NOT IN ('last_status', 'last_at')
        AND o.key NOT LIKE '%\_hmac'
        AND NOT (old_row ? (o.key || '_hmac')
          AND new_row->(o.key || '_hmac') IS NOT DISTINCT FROM old_row->(o.key || '_hmac'));
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
