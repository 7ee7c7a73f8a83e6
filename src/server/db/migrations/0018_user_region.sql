ALTER TABLE "users" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing accounts other than beheerders work in the first region by name (before this, the UI and the KPI routes
-- took that region for everyone); beheerders stay without a region: the installation's keepers.
UPDATE "users" SET "region_id" = (SELECT "id" FROM "regions" ORDER BY "name" LIMIT 1) WHERE "role" <> 'beheerder';
