CREATE TABLE "goal_attainment_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"min_completeness_percent" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_attainments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"allocation_number" text NOT NULL,
	"provider_agb" text NOT NULL,
	"without_help" text NOT NULL,
	"problems_reduced" text NOT NULL,
	"goals_met" text NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_attainments_without_help" CHECK ("goal_attainments"."without_help" in ('ja', 'nee')),
	CONSTRAINT "goal_attainments_problems_reduced" CHECK ("goal_attainments"."problems_reduced" in ('ja', 'nee')),
	CONSTRAINT "goal_attainments_goals_met" CHECK ("goal_attainments"."goals_met" in ('volledig', 'gedeeltelijk', 'niet'))
);
--> statement-breakpoint
ALTER TABLE "goal_attainment_settings" ADD CONSTRAINT "goal_attainment_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_attainments" ADD CONSTRAINT "goal_attainments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_attainments" ADD CONSTRAINT "goal_attainments_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_attainments_allocation" ON "goal_attainments" USING btree ("municipality_code","allocation_number");--> statement-breakpoint
CREATE INDEX "goal_attainments_provider" ON "goal_attainments" USING btree ("region_id","provider_agb");