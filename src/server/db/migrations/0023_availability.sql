CREATE TABLE "availability_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"product_id" uuid,
	"product_category" text NOT NULL,
	"intake_wait_weeks" integer NOT NULL,
	"treatment_wait_weeks" integer NOT NULL,
	"waiting_list_count" integer DEFAULT 0 NOT NULL,
	"open_places" integer,
	"stop_reason" text,
	"stop_from" date,
	"stop_until" date,
	"specialisations" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"age_from" integer DEFAULT 0 NOT NULL,
	"age_to" integer DEFAULT 23 NOT NULL,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"offer_forms" text[] NOT NULL,
	"intake_phone" text,
	"intake_email" text,
	"intake_how" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "availability_entries_key" UNIQUE NULLS NOT DISTINCT("provider_id","location_id","product_id","product_category"),
	CONSTRAINT "availability_entries_category" CHECK ("availability_entries"."product_category" ~ '^[0-9]{2}$'),
	CONSTRAINT "availability_entries_waits" CHECK ("availability_entries"."intake_wait_weeks" between 0 and 104 and "availability_entries"."treatment_wait_weeks" between 0 and 104),
	CONSTRAINT "availability_entries_counts" CHECK ("availability_entries"."waiting_list_count" >= 0 and ("availability_entries"."open_places" is null or "availability_entries"."open_places" >= 0)),
	CONSTRAINT "availability_entries_ages" CHECK ("availability_entries"."age_from" between 0 and 27 and "availability_entries"."age_to" between "availability_entries"."age_from" and 27),
	CONSTRAINT "availability_entries_stop" CHECK (("availability_entries"."stop_from" is null) = ("availability_entries"."stop_reason" is null) and ("availability_entries"."stop_from" is null) = ("availability_entries"."stop_until" is null) and ("availability_entries"."stop_until" is null or "availability_entries"."stop_until" >= "availability_entries"."stop_from"))
);
--> statement-breakpoint
CREATE TABLE "availability_entry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "availability_entry_events_kind" CHECK ("availability_entry_events"."kind" in ('create', 'update', 'confirm'))
);
--> statement-breakpoint
CREATE TABLE "availability_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"confirm_every_weeks" integer DEFAULT 4 NOT NULL,
	"intake_norm_weeks" integer DEFAULT 4 NOT NULL,
	"treatment_norm_weeks" integer DEFAULT 10 NOT NULL,
	"margin_weeks" integer DEFAULT 2 NOT NULL,
	"specialisations" text[] NOT NULL,
	"crisis_lots" text[] DEFAULT '{CRI}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_settings_confirm" CHECK ("availability_settings"."confirm_every_weeks" between 1 and 52),
	CONSTRAINT "availability_settings_norms" CHECK ("availability_settings"."intake_norm_weeks" between 1 and 52 and "availability_settings"."treatment_norm_weeks" between 1 and 104),
	CONSTRAINT "availability_settings_margin" CHECK ("availability_settings"."margin_weeks" between 0 and 52)
);
--> statement-breakpoint
ALTER TABLE "availability_entries" ADD CONSTRAINT "availability_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entries" ADD CONSTRAINT "availability_entries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entries" ADD CONSTRAINT "availability_entries_location_id_provider_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."provider_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entries" ADD CONSTRAINT "availability_entries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entries" ADD CONSTRAINT "availability_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entry_events" ADD CONSTRAINT "availability_entry_events_entry_id_availability_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."availability_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entry_events" ADD CONSTRAINT "availability_entry_events_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_entry_events" ADD CONSTRAINT "availability_entry_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD CONSTRAINT "availability_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_entries_region_category" ON "availability_entries" USING btree ("region_id","product_category");--> statement-breakpoint
CREATE INDEX "availability_entry_events_entry" ON "availability_entry_events" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "availability_entry_events_provider" ON "availability_entry_events" USING btree ("provider_id","at");