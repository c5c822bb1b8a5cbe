CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" integer,
	"username" text,
	"ip" text,
	"route" text,
	"request_id" text,
	"table_name" text NOT NULL,
	"row_id" text,
	"op" text NOT NULL,
	"org_path" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE INDEX "audit_log_path_at_idx" ON "audit_log" USING btree ("org_path" text_pattern_ops,"at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("table_name","row_id");