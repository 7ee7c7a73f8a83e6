CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_user" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_object" ON "audit_events" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_user" ON "audit_events" USING btree ("user_id");--> statement-breakpoint
-- Readable names for the events written before labels were stored, derived from the record as recordAudit does.
UPDATE "audit_events" SET "label" = coalesce(
	CASE WHEN coalesce("after", "before") ->> 'municipalityName' IS NOT NULL
		THEN concat_ws(' ', coalesce("after", "before") ->> 'budgetLineName', coalesce("after", "before") ->> 'municipalityName', coalesce("after", "before") ->> 'year') END,
	coalesce("after", "before") ->> 'reference',
	CASE WHEN coalesce("after", "before") ->> 'productCode' IS NOT NULL
		THEN concat_ws(' ', coalesce("after", "before") ->> 'productCode', coalesce("after", "before") ->> 'name') END,
	coalesce("after", "before") ->> 'name',
	coalesce("after", "before") ->> 'budgetLine'
) WHERE "label" IS NULL AND jsonb_typeof(coalesce("after", "before")) = 'object';
