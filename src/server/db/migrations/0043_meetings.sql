CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_side" text NOT NULL,
	"owner_provider_id" uuid,
	"owner_name" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"done_at" timestamp with time zone,
	"done_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_actions_owner_side" CHECK ("meeting_actions"."owner_side" in ('region', 'provider')),
	CONSTRAINT "meeting_actions_provider_owner" CHECK (("meeting_actions"."owner_side" = 'provider') = ("meeting_actions"."owner_provider_id" is not null)),
	CONSTRAINT "meeting_actions_status" CHECK ("meeting_actions"."status" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "meeting_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"provider_id" uuid,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_providers" (
	"meeting_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	CONSTRAINT "meeting_providers_meeting_id_provider_id_pk" PRIMARY KEY("meeting_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"themes" jsonb NOT NULL,
	"comment_days" integer DEFAULT 7 NOT NULL,
	"theme_sessions_per_year" integer DEFAULT 4 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_settings_comment_days" CHECK ("meeting_settings"."comment_days" between 1 and 60),
	CONSTRAINT "meeting_settings_theme_sessions" CHECK ("meeting_settings"."theme_sessions_per_year" between 0 and 12)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"type" text NOT NULL,
	"theme" text,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"invitees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"minutes_status" text DEFAULT 'none' NOT NULL,
	"comment_until" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"proposal_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_proposal" UNIQUE("region_id","proposal_key"),
	CONSTRAINT "meetings_type" CHECK ("meetings"."type" in ('bestuurlijk', 'accountgesprek', 'overlegtafel', 'transformatietafel')),
	CONSTRAINT "meetings_status" CHECK ("meetings"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "meetings_minutes_status" CHECK ("meetings"."minutes_status" in ('none', 'draft', 'final')),
	CONSTRAINT "meetings_end_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_provider_id_providers_id_fk" FOREIGN KEY ("owner_provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_providers" ADD CONSTRAINT "meeting_providers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_providers" ADD CONSTRAINT "meeting_providers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_settings" ADD CONSTRAINT "meeting_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_actions_region_due" ON "meeting_actions" USING btree ("region_id","status","due_date");--> statement-breakpoint
CREATE INDEX "meeting_actions_provider" ON "meeting_actions" USING btree ("owner_provider_id");--> statement-breakpoint
CREATE INDEX "meeting_comments_meeting" ON "meeting_comments" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_providers_provider" ON "meeting_providers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "meetings_region_start" ON "meetings" USING btree ("region_id","starts_at");