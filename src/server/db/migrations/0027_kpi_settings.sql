CREATE TABLE "kpi_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"provisional_lag_months" integer NOT NULL,
	"treeknorm_intake_days" integer NOT NULL,
	"treeknorm_treatment_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_settings_lag" CHECK ("kpi_settings"."provisional_lag_months" between 0 and 24),
	CONSTRAINT "kpi_settings_treeknorm" CHECK ("kpi_settings"."treeknorm_intake_days" between 1 and 365 and "kpi_settings"."treeknorm_treatment_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "kpi_settings" ADD CONSTRAINT "kpi_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;