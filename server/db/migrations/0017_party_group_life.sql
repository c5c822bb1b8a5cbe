ALTER TABLE "activities" ADD COLUMN "group_id" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "group_kind" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "second_group_id" integer;--> statement-breakpoint
ALTER TABLE "party_groups" ADD COLUMN "kind_name" text;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_group_id_party_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."party_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_second_group_id_party_groups_id_fk" FOREIGN KEY ("second_group_id") REFERENCES "public"."party_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_group_starts_idx" ON "activities" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "members_second_group_idx" ON "members" USING btree ("second_group_id");--> statement-breakpoint

-- A group's meeting expects the group's Party members (those in it as their own group or as their
-- second), a branch's other meetings everyone of the subtree: the one definition, which
-- `attendanceOf` follows for the list.
CREATE OR REPLACE VIEW activity_stats_recount AS
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
  CASE WHEN a.group_id IS NULL THEN
    (SELECT count(*)::int FROM orgs mo JOIN members m ON m.org_id = mo.id
      WHERE mo.path ~>=~ o.path AND mo.path ~<~ (o.path || '~') AND m.status IN ('probationary', 'full'))
  ELSE
    (SELECT count(*)::int FROM members m
      WHERE (m.group_id = a.group_id OR m.second_group_id = a.group_id) AND m.status IN ('probationary', 'full'))
  END AS members,
  (SELECT count(*)::int FROM attendance t WHERE t.activity_id = a.id) AS present,
  (SELECT count(*)::int FROM leave_requests l WHERE l.activity_id = a.id AND l.status = 'approved'
    AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = l.member_id)) AS leave,
  (SELECT count(*)::int FROM guests g WHERE g.activity_id = a.id) AS masses,
  (SELECT count(*)::int FROM activity_files f
    WHERE f.activity_id = a.id AND f.kind = 'photo' AND f.deleted_at IS NULL) AS photos
FROM activities a JOIN orgs o ON o.id = a.org_id;
